package com.newsroom.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named secrets generated on first use and kept in PostgreSQL, so every app instance signs and hashes
 * alike without an operator having to invent (or commit) a key. A package of its own, depending on no feature,
 * so that any feature (sign-in throttling, comments) can hash with it without a dependency cycle.
 */
@Component
public class SiteSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    SiteSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] secret(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    /**
     * HMAC-SHA256 of {@code message} under the named secret, in hex: how addresses and emails are stored and
     * compared without being kept.
     */
    public String keyedHash(String secretName, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(secretName), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    private byte[] loadOrCreate(String name) {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        // The first instance to insert wins; everyone reads the stored value.
        jdbc.sql("insert into app_secrets (name, value) values (:name, :value) on conflict (name) do nothing")
                .param("name", name)
                .param("value", Base64.getEncoder().encodeToString(candidate))
                .update();
        String stored = jdbc.sql("select value from app_secrets where name = :name").param("name", name)
                .query(String.class).single();
        return Base64.getDecoder().decode(stored);
    }
}
