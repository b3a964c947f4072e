/**
 * The JIT warm-up the runnable server does before it opens its ports ({@link
 * org.jetraiders.server.warmup.JitWarmup}): a private battle through the simulation and every
 * encoder, and client messages through the parsers, so the optimising compiler has compiled them
 * before players arrive.
 *
 * <p>Threads: the main thread only, once, before any lobby, socket or client thread exists; nothing
 * here is shared with the running server.
 */
package org.jetraiders.server.warmup;
