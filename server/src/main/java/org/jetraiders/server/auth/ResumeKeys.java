package org.jetraiders.server.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may take a player's plane back after its connection dropped: every player has a <b>resume
 * key</b> (a non-zero 64-bit number, recorded with its join in the lobby's input stream), which a
 * reconnecting client proves in one of two ways:
 * <ul>
 *   <li>by presenting the same <b>session token</b>: the key of a token player is derived from the
 *       token, {@code HMAC-SHA256(secret, "jr-resume-session|" + token)} cut to 64 bits
 *       ({@link #keyOfSession});</li>
 *   <li>by presenting the <b>resume token</b> the server sent it in {@code Identity}
 *       ({@link #tokenFor}): {@code base64url(key) + "." + base64url(HMAC-SHA256(secret,
 *       "jr-resume-key|" + key))} cut to 128 bits. Anonymous players get a random key
 *       ({@link #newAnonymousKey}), so this is their only way back.</li>
 * </ul>
 * Both are stateless functions of the server's {@code --token-secret}: a server restarted with the
 * same secret, which restores a lobby's players and their keys from a journal, recognises the same
 * tokens. Reading a key (in a journal, say) does not give a resume token: that takes the secret.
 *
 * <p>Thread-safe: called on the WebSocket selector thread when a client joins, never per message.
 */
public final class ResumeKeys {
    /** Longest resume token accepted; longer ones are rejected unread. */
    public static final int MAX_TOKEN_LENGTH = 64;

    private static final int KEY_BYTES = Long.BYTES;
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec secret;
    private final SecureRandom random = new SecureRandom();

    /** @param secret the HMAC key, the same bytes as the session tokens' (copied) */
    public ResumeKeys(byte[] secret) {
        if (secret == null || secret.length < GuestAuth.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret must have at least " + GuestAuth.MIN_SECRET_BYTES + " bytes");
        }
        this.secret = HmacSha256.key(secret);
        mac(); // fail fast if HMAC-SHA256 is unavailable
    }

    /** The resume key of a player who joined with this (verified) session token; never 0. */
    public long keyOfSession(String sessionToken) {
        byte[] digest = mac().doFinal(("jr-resume-session|" + sessionToken).getBytes(StandardCharsets.UTF_8));
        return nonZero(ByteBuffer.wrap(digest).getLong());
    }

    /** A fresh random key for an anonymous player; never 0. */
    public long newAnonymousKey() {
        long key;
        do {
            key = random.nextLong();
        } while (key == 0);
        return key;
    }

    /** The resume token that proves {@code key}, for the player's {@code Identity}. */
    public String tokenFor(long key) {
        byte[] keyBytes = ByteBuffer.allocate(KEY_BYTES).putLong(key).array();
        return ENCODER.encodeToString(keyBytes) + '.' + ENCODER.encodeToString(tag(key));
    }

    /**
     * The key a resume token proves. Never throws for bad input.
     *
     * @return the key, or 0 when the token is null, overlong, malformed or not signed with this secret
     */
    public long keyOfToken(String resumeToken) {
        if (resumeToken == null || resumeToken.isEmpty() || resumeToken.length() > MAX_TOKEN_LENGTH) {
            return 0;
        }
        int dot = resumeToken.indexOf('.');
        if (dot <= 0 || dot != resumeToken.lastIndexOf('.')) {
            return 0;
        }
        try {
            byte[] keyBytes = DECODER.decode(resumeToken.substring(0, dot));
            byte[] tag = DECODER.decode(resumeToken.substring(dot + 1));
            if (keyBytes.length != KEY_BYTES) {
                return 0;
            }
            long key = ByteBuffer.wrap(keyBytes).getLong();
            return key != 0 && MessageDigest.isEqual(tag(key), tag) ? key : 0;
        } catch (IllegalArgumentException notBase64) {
            return 0;
        }
    }

    private byte[] tag(long key) {
        byte[] digest = mac().doFinal(("jr-resume-key|" + key).getBytes(StandardCharsets.US_ASCII));
        return Arrays.copyOf(digest, TAG_BYTES);
    }

    private static long nonZero(long key) {
        return key == 0 ? 1 : key;
    }

    private Mac mac() {
        return HmacSha256.mac(secret);
    }
}
