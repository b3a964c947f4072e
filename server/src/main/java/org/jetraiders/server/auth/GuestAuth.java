package org.jetraiders.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues guest ids and stateless, signed session tokens, and verifies them.
 *
 * <p>A token is {@code base64url(payload) + "." + base64url(HMAC-SHA256(secret, base64url(payload)))}
 * (no padding), where the payload is the UTF-8 text {@code 1|guestId|issuedAtMillis|expiresAtMillis|name}.
 * The server keeps no session state: a token is valid while it is unexpired and signed with this
 * instance's secret, so a restart with a new secret logs everyone out.
 *
 * <p>Thread-safe. Guest ids start at 1 and only grow, per instance.
 */
public final class GuestAuth {
    /** Tokens longer than this are rejected unread. */
    public static final int MAX_TOKEN_LENGTH = 512;
    /** Shortest secret accepted. */
    public static final int MIN_SECRET_BYTES = 16;

    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final LongSupplier epochMillis;
    private final long ttlMillis;
    private final AtomicLong lastGuestId = new AtomicLong();

    /**
     * @param secret HMAC key, at least {@link #MIN_SECRET_BYTES} bytes (copied); see {@link #randomSecret()}
     * @param epochMillis wall clock in milliseconds since the epoch ({@code System::currentTimeMillis})
     * @param tokenTtl how long an issued token stays valid; positive
     */
    public GuestAuth(byte[] secret, LongSupplier epochMillis, Duration tokenTtl) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive");
        }
        this.key = HmacSha256.key(secret);
        this.epochMillis = Objects.requireNonNull(epochMillis, "epochMillis");
        this.ttlMillis = tokenTtl.toMillis();
        newMac(); // fail fast if HMAC-SHA256 is unavailable
    }

    /** 32 bytes from {@link SecureRandom}: a fresh secret per server run. */
    public static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** A new guest id: positive, unique and increasing for this instance. */
    public long newGuestId() {
        return lastGuestId.incrementAndGet();
    }

    /** The default name for a guest who gave none: {@code guest-<id>}. */
    public static String defaultName(long guestId) {
        return "guest-" + guestId;
    }

    /**
     * Signs a session token.
     *
     * @param displayName sanitised here with {@link NameSanitizer}; null or blank becomes {@link #defaultName}
     */
    public String issueToken(long guestId, String displayName) {
        if (guestId <= 0) {
            throw new IllegalArgumentException("guestId must be positive");
        }
        String name = nameOrDefault(guestId, displayName);
        long now = epochMillis.getAsLong();
        String payload = VERSION + '|' + guestId + '|' + now + '|' + (now + ttlMillis) + '|' + name;
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + '.' + sign(encoded);
    }

    /** The name {@link #issueToken} would put in the token. */
    public static String nameOrDefault(long guestId, String displayName) {
        String name = NameSanitizer.sanitize(displayName);
        return name == null ? defaultName(guestId) : name;
    }

    /**
     * Checks a token's signature and expiry. Never throws for bad input.
     *
     * @return the identity, or empty if the token is null, overlong, malformed, forged or expired
     */
    public Optional<GuestIdentity> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        byte[] expected = sign(encoded).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        try {
            return parse(new String(DECODER.decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) { // bad base64 or numbers; only reachable with our own key
            return Optional.empty();
        }
    }

    private Optional<GuestIdentity> parse(String payload) {
        String[] parts = payload.split("\\|", 5);
        if (parts.length != 5 || !VERSION.equals(parts[0]) || parts[4].isEmpty()) {
            return Optional.empty();
        }
        long guestId = Long.parseLong(parts[1]);
        long expiresAt = Long.parseLong(parts[3]);
        if (guestId <= 0 || epochMillis.getAsLong() >= expiresAt) {
            return Optional.empty();
        }
        return Optional.of(new GuestIdentity(guestId, parts[4]));
    }

    private String sign(String encodedPayload) {
        byte[] mac = newMac().doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
        return ENCODER.encodeToString(mac);
    }

    private Mac newMac() {
        return HmacSha256.mac(key);
    }
}
