package io.aurum.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, read from the validated access token: the Keycloak user id ({@code sub}), the
 * realm roles, the coverage team of staff ({@code aurum_team}) and, for {@code client} users, the
 * Aurum client id they are ({@code aurum_client_id}).
 */
public record Caller(String subject, String username, Set<String> roles, String team, UUID clientId) {

    public static final String TEAM_CLAIM = "aurum_team";
    public static final String CLIENT_ID_CLAIM = "aurum_client_id";
    /** Keycloak names the user behind a client-credentials token {@code service-account-<client id>}. */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(null, null, Set.of(), null, null);
        }
        String subject = identity.getPrincipal().getName();
        String username = subject;
        String team = null;
        UUID clientId = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            Object preferred = jwt.getClaim("preferred_username");
            username = preferred != null ? preferred.toString() : subject;
            team = claim(jwt, TEAM_CLAIM).orElse(null);
            clientId = claim(jwt, CLIENT_ID_CLAIM).map(Caller::uuidOrNull).orElse(null);
        }
        return new Caller(subject, username, Set.copyOf(identity.getRoles()), team, clientId);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The partner a partner token speaks for: its Keycloak client id. */
    public String partnerId() {
        String name = username == null ? subject : username;
        return name != null && name.startsWith(SERVICE_ACCOUNT_PREFIX) ? name.substring(SERVICE_ACCOUNT_PREFIX.length()) : name;
    }

    /** The subject as a UUID (Keycloak user ids are UUIDs); null for non-UUID subjects. */
    public UUID userId() {
        return uuidOrNull(subject);
    }

    private static Optional<String> claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        // JSON-P string values print with quotes
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
