package io.aurum.common.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A service started for real (not in dev or test mode) refuses to start with a development secret: a client secret
 * beginning {@code dev-}/{@code test-} or a personal-data key marked DEV-ONLY/TEST-ONLY, as the local stack and the
 * tests use. The local stack says so explicitly ({@code AURUM_ALLOW_DEV_SECRETS=true}, set by {@code ./aurum});
 * production never does, so a copied local setting fails loudly at start instead of running on a published key.
 */
@ApplicationScoped
public class DevelopmentSecretsRefused {

    static final List<String> SECRETS = List.of("quarkus.oidc-client.credentials.secret", "quarkus.oidc.credentials.secret",
            "aurum.pii.keys", "aurum.pii.index-key");

    void onStart(@Observes StartupEvent start, Config config) {
        if (LaunchMode.current().isDevOrTest()
                || config.getOptionalValue("aurum.allow-dev-secrets", Boolean.class).orElse(false)) {
            return;
        }
        List<String> found = developmentSecrets(name -> config.getOptionalValue(name, String.class).orElse(null));
        if (!found.isEmpty()) {
            throw new IllegalStateException("Refusing to start: development defaults in " + String.join(", ", found)
                    + "; supply the real secrets (or, for a local stack only, AURUM_ALLOW_DEV_SECRETS=true)");
        }
    }

    /** The names of the secrets whose values are development defaults. Pure. */
    static List<String> developmentSecrets(java.util.function.Function<String, String> value) {
        List<String> found = new ArrayList<>();
        for (String name : SECRETS) {
            String v = value.apply(name);
            if (v != null && isDevelopmentValue(v)) {
                found.add(name);
            }
        }
        return found;
    }

    static boolean isDevelopmentValue(String value) {
        for (String part : value.split(",")) {
            String v = part.strip();
            String keyMaterial = v.contains(":") ? v.substring(v.indexOf(':') + 1) : v; // aurum.pii.keys: id:base64,…
            if (v.startsWith("dev-") || v.startsWith("test-") || decodedMarker(keyMaterial)) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodedMarker(String base64) {
        try {
            String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1).toUpperCase();
            return text.contains("DEV-ONLY") || text.contains("TEST-ONLY") || text.startsWith("TEST-KEY");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
