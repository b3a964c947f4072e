/**
 * The server's side of journals (docs/JOURNAL.md): its settings ({@code --data-dir}, {@code --journal*},
 * {@code --recover}), the {@code replay} command, and crash recovery at start-up. Everything here runs
 * on the thread that calls it: the command's {@code main}, or the server's start-up thread (recovery
 * reads the journals before any lobby or journal thread exists). Recording itself is the engine's
 * ({@code org.jetraiders.engine.journal}).
 */
package org.jetraiders.server.journal;
