package org.jetraiders.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;

/**
 * Logs and carries on. The Disruptor's default handler rethrows, which ends the processor's thread
 * while its sequence keeps gating the ring: the whole lobby would freeze.
 */
public final class LogAndContinueExceptionHandler<T> implements ExceptionHandler<T> {
    private static final System.Logger LOG = System.getLogger(LogAndContinueExceptionHandler.class.getName());
    private final String stage;

    public LogAndContinueExceptionHandler(String stage) {
        this.stage = stage;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, T event) {
        LOG.log(System.Logger.Level.ERROR, stage + " failed on event " + sequence + "; continuing", ex);
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        LOG.log(System.Logger.Level.ERROR, stage + " failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        LOG.log(System.Logger.Level.ERROR, stage + " failed to shut down", ex);
    }
}
