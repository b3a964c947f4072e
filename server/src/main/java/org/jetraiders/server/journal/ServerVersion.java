package org.jetraiders.server.journal;

/** The server's version, as the jar's manifest says ({@code Implementation-Version}); "dev" from classes. */
public final class ServerVersion {
    private ServerVersion() {
    }

    public static String current() {
        String v = ServerVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
