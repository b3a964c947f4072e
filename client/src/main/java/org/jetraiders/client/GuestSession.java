package org.jetraiders.client;

import org.jetraiders.client.message.JoinRequest;

/**
 * A guest login's result.
 *
 * @param guestId      the guest id {@code /guest/init} assigned (a positive integer, as a string)
 * @param displayName  the name logged in with
 * @param sessionToken the token to send in {@code Join}
 */
public record GuestSession(String guestId, String displayName, String sessionToken) {
    /** A {@code Join} with this session's token. */
    public JoinRequest joinRequest() {
        return JoinRequest.withToken(sessionToken);
    }

    @Override
    public String toString() {
        return "GuestSession[guestId=" + guestId + ", displayName=" + displayName + "]"; // the token is a secret
    }
}
