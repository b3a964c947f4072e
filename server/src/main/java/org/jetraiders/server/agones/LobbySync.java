package org.jetraiders.server.agones;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the GameServer's {@code lobbies} list equal to our open lobbies and its {@code players}
 * counter equal to our players, and opens a lobby that an allocation added to the list.
 *
 * <p>It reconciles rather than forwarding events: each {@link #sync()} compares what is open with
 * what it knows the list holds and sends only the difference, so a call that failed is simply made
 * again next round, and a burst of joins costs one counter update. One round at a time is in flight.
 *
 * <p>A lobby we retired and removed from the list may still appear in a watch update sent before the
 * removal landed; such ids are remembered until an update shows them gone, so that a stale update
 * does not reopen them. Runs on the Agones thread.
 */
final class LobbySync {
    private static final Logger LOG = LoggerFactory.getLogger(LobbySync.class);
    static final String LIST_CALL = "list";
    static final String COUNTER_CALL = "counter";

    private final SdkClient sdk;
    private final LobbyHost host;
    private final AgonesThread thread;
    private final FailureLog failures;
    private final long listCapacity;
    private final long counterCapacity;

    /** Values we know the list holds (we added them, or an update showed them). */
    private final Set<String> listed = new HashSet<>();
    /** Values we removed that a stale update may still show. */
    private final Set<String> removed = new HashSet<>();
    private boolean listCapacitySet;
    private boolean counterCapacitySet;
    private long sentPlayers = -1;
    private boolean inFlight;
    private boolean again;

    LobbySync(SdkClient sdk, LobbyHost host, AgonesThread thread, FailureLog failures, long listCapacity,
              long counterCapacity) {
        this.sdk = sdk;
        this.host = host;
        this.thread = thread;
        this.failures = failures;
        this.listCapacity = listCapacity;
        this.counterCapacity = counterCapacity;
    }

    /** One reconciliation round; if one is still in flight, another follows it. */
    void sync() {
        if (inFlight) {
            again = true;
            return;
        }
        List<CompletableFuture<?>> calls = new ArrayList<>();
        if (!listCapacitySet) {
            calls.add(call(LIST_CALL, sdk.setListCapacity(AgonesSettings.LOBBIES_LIST, listCapacity),
                    ok -> listCapacitySet = true, null));
        }
        if (!counterCapacitySet) {
            calls.add(call(COUNTER_CALL, sdk.setCounterCapacity(AgonesSettings.PLAYERS_COUNTER, counterCapacity),
                    ok -> counterCapacitySet = true, null));
        }
        Set<String> open = host.openLobbies();
        for (String name : open) {
            if (!listed.contains(name)) {
                calls.add(call(LIST_CALL, sdk.addListValue(AgonesSettings.LOBBIES_LIST, name), ok -> listed.add(name),
                        e -> e.alreadyExists()));
            }
        }
        for (String name : new ArrayList<>(listed)) {
            if (!open.contains(name)) {
                removed.add(name);
                calls.add(call(LIST_CALL, sdk.removeListValue(AgonesSettings.LOBBIES_LIST, name), ok -> listed.remove(name),
                        e -> e.notFound()));
            }
        }
        long players = host.players();
        if (players != sentPlayers) {
            calls.add(call(COUNTER_CALL, sdk.setCounterCount(AgonesSettings.PLAYERS_COUNTER, players),
                    ok -> sentPlayers = players, null));
        }
        if (calls.isEmpty()) {
            return;
        }
        inFlight = true;
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenCompleteAsync((ok, error) -> {
            inFlight = false;
            if (again) {
                again = false;
                sync();
            }
        }, thread);
    }

    /**
     * A GameServer update: a listed value that is neither open nor known to us was added by an
     * allocation, so open that lobby for the players the matchmaker is sending.
     */
    void onGameServer(GameServerView view) {
        List<String> values = view.listValues().orElse(List.of());
        removed.retainAll(values); // shown gone: a later appearance is a new allocation
        for (String name : values) {
            if (listed.contains(name) || removed.contains(name)) {
                continue;
            }
            if (host.isOpen(name)) {
                listed.add(name); // ours, and the list already has it
            } else if (host.open(name)) {
                listed.add(name);
                LOG.info("Agones: opened lobby {} for an allocation; it waits for players like any empty lobby", name);
            } else {
                LOG.warn("Agones: an allocation added lobby '{}', which cannot be opened (invalid name, lobby limit or "
                        + "stopping); removing it from the list", name);
                removed.add(name);
                call(LIST_CALL, sdk.removeListValue(AgonesSettings.LOBBIES_LIST, name), ok -> { }, e -> e.notFound());
            }
        }
    }

    /** Players as last sent to the counter, or -1 before the first update. */
    long sentPlayers() {
        return sentPlayers;
    }

    /**
     * Completes on the Agones thread: {@code onSuccess} for a 2xx answer or a benign refusal (the
     * list already had the value, or had not), else the failure is counted. Never completes
     * exceptionally, so one failed call does not hide the others of its round.
     */
    private CompletableFuture<Void> call(String kind, CompletableFuture<String> call, Consumer<String> onSuccess,
                                         Predicate<SdkCallException> benign) {
        return call.handleAsync((body, error) -> {
            Throwable cause = error != null && error.getCause() != null ? error.getCause() : error;
            if (error == null || (benign != null && cause instanceof SdkCallException e && benign.test(e))) {
                failures.succeeded(kind);
                onSuccess.accept(body);
            } else {
                failures.failed(kind, error);
            }
            return null;
        }, thread);
    }
}
