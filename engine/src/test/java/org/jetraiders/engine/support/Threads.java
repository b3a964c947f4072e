package org.jetraiders.engine.support;

import java.util.List;
import java.util.stream.Collectors;

/** Live-thread queries for leak checks. */
public final class Threads {
    private Threads() {
    }

    /** Names of live threads whose name starts with {@code prefix}. */
    public static List<String> liveNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .sorted()
                .collect(Collectors.toList());
    }

    /** Waits (bounded) until no live thread's name starts with {@code prefix}; fails listing the survivors. */
    public static void awaitNoneNamed(String prefix) {
        Await.until(() -> liveNamed(prefix).isEmpty(), () -> "threads " + prefix + "* to end; alive: " + liveNamed(prefix));
    }

    /** Whether a live thread has exactly this name. */
    public static boolean isAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }
}
