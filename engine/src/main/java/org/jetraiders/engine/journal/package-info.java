/**
 * Journals: every lobby's applied events recorded to disk beside its game loop, replayed bit for bit,
 * and restored after a crash. The file format is docs/JOURNAL.md ({@link org.jetraiders.engine.journal.JournalDescriptor}).
 *
 * <pre>
 *  publishers --tryNext--> input ring (per lobby) --------> game loop (jr-game-loop-N)
 *                               |   gated by the game loop only   | applies, steps, and after each step stamps the
 *                               |                                 | TICK slot (tick, checksum every 60 ticks) and,
 *                               |                                 | every few seconds, hands a world image over
 *                               | read behind the game loop        v (ImageMailbox, one slot)
 *                               +-----------------------------> jr-journal: ONE thread for every lobby; encodes
 *                                  (own plain sequence, no gate)    into each lobby's SPSC byte queue
 *                                                                        |
 *                                                                        v
 *                                                                  jr-journal-io: ONE thread; one write per lobby
 *                                                                  and every file forced on one beat at least
 *                                                                  once a second, rotates, deletes the oldest
 * </pre>
 *
 * <h2>Why the journal is never in front of the game loop</h2>
 * LMAX's journaler gates its business-logic processor: an event is on disk before it is applied. A game
 * cannot afford that (a slow disk would be a late tick for every player), so here the order is reversed
 * and the journal holds what the game loop <em>applied</em>: it reads the input ring behind the game
 * loop's sequence, with a position of its own that is not a gating sequence. Publishers wait only for
 * the game loop, exactly as without a journal; the game loop never waits for anything of the journal's
 * (its capture writes a stamp into the slot it holds, and an image only into a free mailbox: a full one
 * means "try next tick"); the I/O thread is the only thread that ever blocks on the disk.
 *
 * <p>The price is that a journal can fall behind far enough for a publisher to reuse a slot it has not
 * read. Each slot is therefore read like a sequence lock ({@link org.jetraiders.engine.journal.LobbyJournal}):
 * copy the fields, acquire fence, then check that the ring's claim cursor has not reached the slot's next
 * lap. Failing that, the journal is <em>broken</em>: the file ends (END "broken"), the break is logged
 * and counted ({@link org.jetraiders.engine.journal.JournalObserver#journalBroken}), and the journal
 * resumes in a new file from the next world image, which it asks the game loop for at once. A queue the
 * disk does not drain (the disk is behind) breaks the same way; a failing disk too, retried at the
 * scheduled snapshots. The game plays on in every case.
 *
 * <p>How far behind it may fall: a whole ring, since the game loop's position. The journal thread reads
 * every lobby on its own 50 ms beat (three ticks), and a game-loop pass wakes it early for a lobby whose
 * unread events reach a quarter of its ring; encoding an event is a few nanoseconds. The server's rings
 * hold 1,024 events: about 8 ticks of a full 64-player lobby at the input rate limit (that lobby wakes
 * it about every other tick), a second of a 16-player lobby at 60 Hz (which never does). Reading on a
 * beat rather than after every pass took the thread from 60-120 wake-ups a second to 20.
 *
 * <h2>Threads</h2>
 * Two for the whole server, whatever the number of lobbies: {@code jr-journal} (reads rings, encodes,
 * {@link org.jetraiders.engine.journal.JournalThread}) and {@code jr-journal-io} (files,
 * {@link org.jetraiders.engine.journal.JournalIoThread}). Encoding never does I/O and I/O never reads a
 * ring, so a disk that stalls for seconds costs nothing but that lobby's buffer. The game-loop threads
 * run {@link org.jetraiders.engine.journal.WorldCapture} (stamping, checksum images, snapshot images).
 * Readers ({@link org.jetraiders.engine.journal.Replay}, {@link org.jetraiders.engine.journal.JournalReader})
 * run on the caller's thread. Nothing here allocates in steady state on the game loop or the journal
 * thread ({@code JournalAllocationTest}).
 *
 * <h2>Memory</h2>
 * Each lobby's byte queue ({@code --journal-buffer-kb}, 256 KiB by default) is a direct buffer, outside
 * the Java heap, and the I/O thread frees it when the lobby's last file is closed. On the heap it was a
 * fifth of a 1,024-client server's live heap (64 lobbies), made during the burst of joins and copied
 * again by every young collection until it was old (BENCHMARKS.md, fifteenth session).
 *
 * <h2>What is recorded</h2>
 * Joins (id, name, the embedder's client key, which crash recovery resumes players by), leaves,
 * disconnects (the player's input turned neutral, its seq 0), inputs (as published, with their sequence numbers: the world drops stale ones
 * on replay exactly as live, so acks replay too), ticks (implied, as runs), the lobby's stop, a checksum
 * of the world every 60 ticks and a world snapshot every few seconds and at each match start. An input
 * that repeats its player's previous one with the next sequence number is one byte; the load
 * generator's bots cost about 0.5 MB per player-hour ({@code JournalSizeTest}).
 */
package org.jetraiders.engine.journal;
