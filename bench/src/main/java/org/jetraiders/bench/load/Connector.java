package org.jetraiders.bench.load;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Opens the clients' connections at a fixed rate (absolute deadlines, so the ramp takes
 * clients / rate seconds). Runs on its own thread during the ramp only; each
 * {@link LoadClient#startConnect()} just hands the connect to the client's I/O thread.
 */
final class Connector implements Runnable {

    private final List<LoadClient> clients;
    private final double intervalNanos;
    private final long startNanos;
    private volatile boolean running = true;
    private volatile boolean done;

    Connector(List<LoadClient> clients, double connectsPerSecond, long startNanos) {
        this.clients = clients;
        this.intervalNanos = 1e9 / connectsPerSecond;
        this.startNanos = startNanos;
    }

    void stop() {
        running = false;
    }

    /** True once every client has been asked to connect (or the connector was stopped). */
    boolean done() {
        return done;
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < clients.size() && running; i++) {
                long deadline = startNanos + (long) (i * intervalNanos);
                long wait;
                while (running && (wait = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (running) {
                    clients.get(i).startConnect();
                }
            }
        } finally {
            done = true;
        }
    }
}
