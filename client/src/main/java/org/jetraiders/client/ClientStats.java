package org.jetraiders.client;

/**
 * Counters of one connection since it opened, read together by {@link JetRaidersClient#stats()}.
 *
 * @param textFrames         text frames received (every JSON message)
 * @param binaryFrames       binary frames received (world frames on a binary connection)
 * @param binaryBytes        payload bytes of those binary frames
 * @param worldSnapshots     world snapshots delivered (JSON {@code WorldUpdate}s and decoded binary frames)
 * @param undecodableWorlds  binary world frames that did not decode (each one resyncs the client)
 * @param unreadable         frames reported to {@link JetRaidersListener#onUnreadable} (including those above)
 * @param laggedNotices      {@code Lagged} notices received
 * @param missedSnapshots    world snapshots the server said it skipped for this client (sum of their {@code missed})
 * @param inputsSent         inputs sent by {@link JetRaidersClient#sendInput}
 * @param listenerFailures   exceptions thrown by listeners
 */
public record ClientStats(long textFrames, long binaryFrames, long binaryBytes, long worldSnapshots,
                          long undecodableWorlds, long unreadable, long laggedNotices, long missedSnapshots,
                          long inputsSent, long listenerFailures) {
}
