package org.jetraiders.server.auth;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 keys and fresh {@link Mac}s (a Mac is not thread-safe: one per signature). */
final class HmacSha256 {
    static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    /** A key of a copy of {@code secret}. */
    static SecretKeySpec key(byte[] secret) {
        return new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** A Mac ready to sign with {@code key}; fails if the JDK lacks HMAC-SHA256 (it never does). */
    static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
