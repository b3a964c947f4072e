package org.jetraiders.server.auth;

/**
 * Who a verified session token belongs to.
 *
 * @param guestId positive guest id issued by {@link GuestAuth#newGuestId()}
 * @param displayName sanitised display name, never null or blank
 */
public record GuestIdentity(long guestId, String displayName) {
}
