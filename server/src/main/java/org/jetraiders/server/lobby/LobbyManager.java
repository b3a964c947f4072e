package org.jetraiders.server.lobby;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.jetraiders.engine.ClientThreadPool;
import org.jetraiders.engine.GameLoopPool;
import org.jetraiders.engine.Lobby;
import org.jetraiders.engine.journal.Journaler;
import org.jetraiders.server.journal.CrashRecovery;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's lobbies: the default one always exists, others are created on demand (up to
 * {@code max-lobbies} in all, and {@code max-lobbies-per-address} open ones per creating address) and
 * closed after being empty for {@code lobby-idle-seconds}. Thread-safe. Building a lobby is
 * {@link LobbyFactory}'s, starting again those a crash left is {@link LobbyRestorer}'s.
 */
public final class LobbyManager implements AutoCloseable {
    /**
     * Told when a lobby is created on demand or retired (not about the default lobby, nor at close).
     * Called on the thread that opened or retired the lobby, which may be a client's: keep it short.
     */
    public interface Listener {
        void lobbyOpened(String name);

        void lobbyRetired(String name);
    }

    private static final Listener NO_LISTENER = new Listener() {
        @Override
        public void lobbyOpened(String name) {
        }

        @Override
        public void lobbyRetired(String name) {
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(LobbyManager.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    /** Slots of a lobby's output ring at this tick rate: half a second of snapshots (the warm-ups size theirs alike). */
    public static int outputRingSize(int tickRateHz) {
        return LobbyFactory.outputRingSize(tickRateHz);
    }

    private final ServerConfig config;
    private final ServerMetrics metrics;
    private final ConcurrentMap<String, ManagedLobby> lobbies = new ConcurrentHashMap<>();
    /** Serializes creating a lobby: the cap checks and the put, and the factory's creation count. */
    private final Object createLock = new Object();
    private final LobbyCreators creators;
    private final LobbyFactory factory;
    private volatile boolean closed;
    private volatile Listener listener = NO_LISTENER;

    /** @param metrics every lobby's ticks feed its tick-time histogram */
    public LobbyManager(ServerConfig config, ClientThreadPool clientThreads, GameLoopPool gameLoops,
                        ServerMetrics metrics) {
        this(config, clientThreads, gameLoops, metrics, null);
    }

    /** @param journaler records every lobby (docs/JOURNAL.md); null records none */
    public LobbyManager(ServerConfig config, ClientThreadPool clientThreads, GameLoopPool gameLoops,
                        ServerMetrics metrics, Journaler journaler) {
        this(config, clientThreads, gameLoops, metrics, journaler, List.of());
    }

    /**
     * @param recovered lobbies the server was running when it died ({@link CrashRecovery}): each starts
     *                  from its restored world, its players held for the reconnect grace
     */
    public LobbyManager(ServerConfig config, ClientThreadPool clientThreads, GameLoopPool gameLoops,
                        ServerMetrics metrics, Journaler journaler, List<CrashRecovery.Found> recovered) {
        this.config = config;
        this.metrics = metrics;
        this.creators = new LobbyCreators(config.maxLobbiesPerAddress());
        this.factory = new LobbyFactory(config, clientThreads, gameLoops, metrics, journaler, createLock);
        LobbyRestorer restorer = new LobbyRestorer(config, metrics, factory, recovered);
        ManagedLobby defaultLobby = restorer.restoreDefault();
        lobbies.put(config.defaultLobby(), defaultLobby != null ? defaultLobby
                : factory.create(config.defaultLobby(), null, true, null));
        restorer.restoreOthers(lobbies);
    }

    /** Whether a lobby name is acceptable (what {@code ?lobby_id=} may contain). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public ManagedLobby defaultLobby() {
        return lobbies.get(config.defaultLobby());
    }

    /** Sets the one listener of lobby openings and retirements (null: none). */
    public void listener(Listener listener) {
        this.listener = listener == null ? NO_LISTENER : listener;
    }

    /**
     * Finds or creates the lobby without entering it, for the server itself (e.g. a match a matchmaker
     * arranged; never limited per address): an empty new lobby is retired after {@code lobby-idle-seconds}
     * unless someone enters it.
     *
     * @return the lobby, or null when the name is invalid, the lobby cap is reached or the server is closing
     */
    public ManagedLobby open(String name) {
        if (!isValidName(name) || closed) {
            return null;
        }
        LobbyEntry found = findOrCreate(name, null);
        return found.lobby();
    }

    /**
     * Finds or creates the lobby and claims a place in it ({@link ManagedLobby#enter()}); the caller
     * must {@link ManagedLobby#exit} it later. Entering a lobby that exists is limited only by its
     * player cap (checked by the caller); creating one counts against {@code creator}'s open lobbies.
     *
     * @param creator the remote address of the connection, charged if this creates the lobby; null for
     *                the server itself (never limited per address)
     * @return the lobby entered, or why none was
     */
    public LobbyEntry enter(String name, InetAddress creator) {
        if (!isValidName(name)) {
            return LobbyEntry.refused(LobbyEntry.Refusal.INVALID_NAME);
        }
        while (!closed) {
            LobbyEntry found = findOrCreate(name, creator);
            ManagedLobby lobby = found.lobby();
            if (lobby == null) {
                return found;
            }
            if (lobby.enter()) {
                return LobbyEntry.entered(lobby);
            }
            lobbies.remove(name, lobby); // retired under our feet: make a fresh one
        }
        return LobbyEntry.refused(LobbyEntry.Refusal.CLOSING);
    }

    /** The lobby of that name, created (and {@code creator} charged) if there is none; or why not. */
    private LobbyEntry findOrCreate(String name, InetAddress creator) {
        ManagedLobby lobby = lobbies.get(name);
        if (lobby != null) {
            return LobbyEntry.entered(lobby);
        }
        synchronized (createLock) {
            lobby = lobbies.get(name);
            if (lobby != null) {
                return LobbyEntry.entered(lobby);
            }
            LobbyEntry.Refusal refusal = claimCreation(creator);
            if (refusal != null) {
                return LobbyEntry.refused(refusal);
            }
            try {
                lobby = factory.create(name, creator, false, null);
            } catch (RuntimeException e) {
                releaseCreation(creator);
                throw e;
            }
            lobbies.put(name, lobby);
            LOG.info("lobby {} created by {} ({} lobbies)", name, creator == null ? "the server"
                    : creator.getHostAddress(), lobbies.size());
        }
        listener.lobbyOpened(name);
        return LobbyEntry.entered(lobby);
    }

    /** Under createLock: null if a new lobby may be made for {@code creator} (its place then claimed). */
    private LobbyEntry.Refusal claimCreation(InetAddress creator) {
        if (closed) {
            return LobbyEntry.Refusal.CLOSING;
        }
        if (lobbies.size() >= config.maxLobbies()) {
            return LobbyEntry.Refusal.LOBBY_LIMIT;
        }
        if (creator != null && !creators.tryClaim(creator)) {
            LOG.info("lobby creation refused: {} already created {} open lobbies (--max-lobbies-per-address)",
                    creator.getHostAddress(), creators.openFrom(creator));
            return LobbyEntry.Refusal.ADDRESS_LOBBY_LIMIT;
        }
        return null;
    }

    private void releaseCreation(InetAddress creator) {
        if (creator != null) {
            creators.release(creator);
        }
    }

    /** Open lobbies {@code creator} created (what {@code --max-lobbies-per-address} limits). */
    public int openLobbiesCreatedBy(InetAddress creator) {
        return creators.openFrom(creator);
    }

    /** Closes lobbies that have been empty for the idle timeout. Called periodically. */
    public void retireIdle(long nowNanos) {
        long idle = config.lobbyIdleTimeout().toNanos();
        for (ManagedLobby lobby : lobbies.values()) {
            if (lobby.tryRetire(nowNanos, idle)) {
                lobbies.remove(lobby.name(), lobby);
                releaseCreation(lobby.creator()); // its creator may make another
                lobby.lobby().stop(Duration.ofSeconds(2));
                LOG.info("lobby {} closed after being empty for {} s", lobby.name(), config.lobbyIdleTimeout().toSeconds());
                listener.lobbyRetired(lobby.name());
            }
        }
    }

    /**
     * Removes the planes of players whose reconnect grace ran out, as if they had left. Called
     * periodically (timer thread).
     */
    public void expireHeldSeats(long nowNanos) {
        for (ManagedLobby lobby : lobbies.values()) {
            List<Integer> expired = lobby.seats().expire(nowNanos);
            for (int playerId : expired) {
                metrics.reconnectGraceExpired();
                LOG.info("lobby {} player {} did not come back within {} s; its plane left", lobby.name(), playerId,
                        config.reconnectGrace().toSeconds());
            }
        }
    }

    /** Every lobby, by name. */
    public List<ManagedLobby> all() {
        List<ManagedLobby> list = new ArrayList<>(lobbies.values());
        list.sort(Comparator.comparing(ManagedLobby::name));
        return list;
    }

    /** Whether {@link #close()} began: the server is stopping, and no lobby takes anyone any more. */
    public boolean isClosed() {
        return closed;
    }

    public ManagedLobby find(String name) {
        return lobbies.get(name);
    }

    /** Stops every lobby: each client gets the Stopping status and its consumer detaches. */
    @Override
    public void close() {
        closed = true;
        List<ManagedLobby> all = all();
        Thread[] stoppers = new Thread[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Lobby lobby = all.get(i).lobby();
            stoppers[i] = new Thread(() -> lobby.stop(Duration.ofSeconds(3)), "jr-stop-" + lobby.name());
            stoppers[i].start();
        }
        for (Thread t : stoppers) {
            try {
                t.join(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        lobbies.clear();
    }}
