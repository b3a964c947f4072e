/**
 * The world as a client sees it: {@link org.jetraiders.client.world.WorldSnapshot} (one tick, in px
 * and radians, from JSON or binary frames alike) and rendering between snapshots
 * ({@link org.jetraiders.client.world.Interpolation}, {@link org.jetraiders.client.world.SnapshotBuffer}).
 *
 * <p>Threads: snapshots and rendered worlds are immutable and may cross threads freely;
 * {@code Interpolation} is stateless; {@code SnapshotBuffer} is synchronized, so a connection's read
 * thread may add while a render thread samples.
 */
package org.jetraiders.client.world;
