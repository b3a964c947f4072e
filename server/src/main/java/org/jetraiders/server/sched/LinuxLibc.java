package org.jetraiders.server.sched;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/** The C library's calls through JNA, on Linux only: what {@link NativeNice} and {@link NativeFifo} stand on. */
final class LinuxLibc {
    private LinuxLibc() {
    }

    /**
     * @param calls   the interface declaring the calls
     * @param setting what they set, for the refusal off Linux ("thread priorities are set")
     * @throws UnsupportedOperationException off Linux, or when JNA's native part cannot load (for
     *                                       example a {@code noexec} temporary directory)
     */
    static <T extends Library> T load(Class<T> calls, String setting) {
        if (!Platform.isLinux()) {
            throw new UnsupportedOperationException(setting + " on Linux only, not on " + System.getProperty("os.name"));
        }
        try {
            // JNA's first library load runs "ldconfig -p" once to learn the search path: a short-lived
            // child process, and a JDK "process reaper" thread that ends a minute later
            return Native.load(Platform.C_LIBRARY_NAME, calls);
        } catch (LinkageError e) {
            throw new UnsupportedOperationException("JNA could not load its native part: " + e.getMessage(), e);
        }
    }
}
