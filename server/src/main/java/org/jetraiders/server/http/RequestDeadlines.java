package org.jetraiders.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jetraiders.server.metrics.ServerMetrics;

/**
 * Closes a connection whose next request's headers have not all arrived within the request timeout
 * of the connection opening or of its previous response. Jetty's idle timeout only sees silence, so a
 * client trickling a header byte every few seconds would otherwise hold its connection for hours;
 * this bounds the header phase in time. {@link BodyReader} bounds the body the same way.
 *
 * <p>Jetty calls {@link #onOpened} and {@link #onClosed} on its selector and worker threads, the
 * router calls {@link #headersRead} and {@link #responseDone} on worker threads, and deadlines fire
 * on the scheduler thread; each connection's deadline is guarded by its own lock.
 */
final class RequestDeadlines implements Connection.Listener {
    private final Scheduler scheduler;
    private final long timeoutNanos;
    private final ServerMetrics metrics;
    private final Map<Connection, Deadline> open = new ConcurrentHashMap<>();

    RequestDeadlines(Scheduler scheduler, long timeoutNanos, ServerMetrics metrics) {
        this.scheduler = scheduler;
        this.timeoutNanos = timeoutNanos;
        this.metrics = metrics;
    }

    @Override
    public void onOpened(Connection connection) {
        Deadline deadline = new Deadline(connection);
        open.put(connection, deadline);
        deadline.arm();
    }

    @Override
    public void onClosed(Connection connection) {
        Deadline deadline = open.remove(connection);
        if (deadline != null) {
            deadline.disarm();
        }
    }

    /** The connection's current request has its headers; its body, if any, is timed by {@link BodyReader}. */
    void headersRead(Connection connection) {
        Deadline deadline = open.get(connection);
        if (deadline != null) {
            deadline.disarm();
        }
    }

    /** The connection answered its request; the next one on it must arrive in time too. */
    void responseDone(Connection connection) {
        Deadline deadline = open.get(connection);
        if (deadline != null) {
            deadline.arm();
        }
    }

    /** Connections open right now (each is timed). */
    int tracked() {
        return open.size();
    }

    private final class Deadline {
        private final Connection connection;
        private Scheduler.Task task;
        private long armings; // tells a firing of an earlier arming from the current one
        private long bytesInWhenArmed;

        Deadline(Connection connection) {
            this.connection = connection;
        }

        synchronized void arm() {
            disarm();
            long arming = ++armings;
            bytesInWhenArmed = connection.getBytesIn();
            task = scheduler.schedule(() -> expire(arming), timeoutNanos, TimeUnit.NANOSECONDS);
        }

        synchronized void disarm() {
            if (task != null) {
                task.cancel();
                task = null;
            }
        }

        private void expire(long arming) {
            boolean partialRequest;
            synchronized (this) {
                if (task == null || arming != armings) {
                    return; // disarmed or re-armed while this firing waited for the lock
                }
                task = null;
                partialRequest = connection.getBytesIn() != bytesInWhenArmed;
            }
            if (partialRequest) {
                metrics.httpRefused(Refusals.REQUEST_TIMEOUT);
            } // else an idle keep-alive connection, or one that never sent a byte: closing it is routine
            connection.getEndPoint().close(new TimeoutException("no complete request within the request timeout"));
        }
    }
}
