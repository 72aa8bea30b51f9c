package io.aurum.client.pii;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts personal data at rest with AES-256-GCM. Keys come from configuration as {@code kid:base64key}
 * entries ({@code aurum.pii.keys}); new values are sealed with {@code aurum.pii.active-key} and the key id is
 * stored beside each value, so a key can be rotated: add the new key, make it active, run the rotation
 * (re-seals every value), then drop the old key. The associated data binds a value to its client and column,
 * so a ciphertext copied into another row or column does not decrypt.
 */
@ApplicationScoped
public class PiiCipher {

    @ConfigMapping(prefix = "aurum.pii")
    public interface PiiConfig {
        /** {@code kid:base64(32 bytes)} entries. */
        List<String> keys();

        @WithName("active-key")
        String activeKey();

        /** base64 key of the HMAC that indexes identity numbers (duplicate detection without decrypting). */
        @WithName("index-key")
        String indexKey();
    }

    public record Sealed(String keyId, byte[] data) {
    }

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * One AES-GCM cipher per thread, initialised again for each value: a new cipher per value looked the transformation
     * up and expanded the key every time (2.6 µs per opened value on the bench machine, 0.3 µs with the thread's cipher,
     * which keeps the expanded key while the same key comes back; four values per profile read). Fresh random IVs keep
     * re-initialising for encryption legal.
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String activeKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PiiConfig config) {
        for (String entry : config.keys()) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("aurum.pii.keys entries are kid:base64key");
            }
            byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            if (key.length != 32) {
                throw new IllegalStateException("PII key " + entry.substring(0, colon) + " must be 32 bytes (AES-256)");
            }
            keys.put(entry.substring(0, colon).strip(), new SecretKeySpec(key, "AES"));
        }
        this.activeKey = config.activeKey().strip();
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("aurum.pii.active-key " + activeKey + " is not among aurum.pii.keys");
        }
        byte[] index = Base64.getDecoder().decode(config.indexKey().strip());
        if (index.length < 32) {
            throw new IllegalStateException("aurum.pii.index-key must be at least 32 bytes");
        }
        this.indexKey = new SecretKeySpec(index, "HmacSHA256");
    }

    public String activeKeyId() {
        return activeKey;
    }

    /** @param context binds the value to where it is stored, e.g. {@code clientId + "/phone"} */
    public Sealed seal(String plaintext, String context) {
        if (plaintext == null) {
            return new Sealed(null, null);
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return new Sealed(activeKey, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII encryption failed", e);
        }
    }

    public String open(String keyId, byte[] data, String context) {
        if (data == null) {
            return null;
        }
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("PII key " + keyId + " is not configured (rotated away too early?)");
        }
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII value in " + context + " does not decrypt with key " + keyId, e);
        }
    }

    /** Keyed hash of a normalised value: equal inputs give equal outputs, nothing else is revealed. */
    public String blindIndex(String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }
}
