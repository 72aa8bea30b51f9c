package io.aurum.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers bearer tokens whose signature, issuer, audience and lifetime quarkus-oidc has already verified, so the
 * same token is not verified again on every request (base64, two JSON parses and an RSA signature check: the largest
 * share of a profile read's CPU, and the gateway's). A token is remembered byte for byte — a different or altered
 * token is a different key and goes through the full verification — for at most {@code aurum.security.token-cache.ttl}
 * (default 60 s) and never past its own {@code exp}. Verifying a JWT locally never noticed a Keycloak logout before
 * the token expired either, so remembering it does not widen what a stolen token can do; it does mean a signing key
 * removed from Keycloak keeps accepting already-seen tokens for up to the TTL.
 *
 * <p>How it fits Quarkus security: {@link Mechanism} is an HTTP authentication mechanism tried before quarkus-oidc's;
 * for a bearer token it has remembered it asks {@link Lookup} (an identity provider for {@link Remembered} requests)
 * for the identity, and otherwise yields, so quarkus-oidc's mechanism verifies the token as before. It sits in front
 * of quarkus-oidc's mechanism rather than its identity provider because that mechanism decodes every token's claims
 * (base64 and a JSON parse, to tell a JWT from an opaque token) before any provider runs: 15 % of client-service's CPU
 * in a profile read. {@link Remember} is an augmentor that stores what quarkus-oidc produced. The per-request
 * attributes (the routing context and the request context) are not stored; a remembered identity gets the current
 * request's. Permission checkers are not carried over (Aurum authorises by roles and data ownership, never by
 * {@code @PermissionsAllowed}), so a permission check on a remembered identity fails closed.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, List<String> routingKeys, List<String> requestContextKeys,
                         long notAfterNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "aurum.security.token-cache.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "aurum.security.token-cache.ttl", defaultValue = "PT60S") Duration ttl,
                          @ConfigProperty(name = "aurum.security.token-cache.max-entries", defaultValue = "10000") int maxEntries) {
        this(enabled, ttl, maxEntries, System::nanoTime);
    }

    VerifiedTokens(boolean enabled, Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /**
     * Whether exactly this token was verified and is still remembered: the gateway asks before it lets a caller's
     * token cost a full verification (its per-address budget for unverified tokens).
     */
    public boolean remembers(String token) {
        if (!enabled || token == null) {
            return false;
        }
        Entry e = entries.get(token);
        return e != null && nanoTime.getAsLong() - e.notAfterNanos() <= 0;
    }

    /** The identity verified earlier for exactly this token, with the current request's attributes; else null. */
    SecurityIdentity find(String token, RoutingContext routing, AuthenticationRequestContext requestContext) {
        if (!enabled || token == null) {
            return null;
        }
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (nanoTime.getAsLong() - e.notAfterNanos() > 0) {
            entries.remove(token, e);
            return null;
        }
        QuarkusSecurityIdentity.Builder b = copy(e.identity(), e.identity().getAttributes());
        if (routing != null) {
            e.routingKeys().forEach(k -> b.addAttribute(k, routing));
        }
        e.requestContextKeys().forEach(k -> b.addAttribute(k, requestContext));
        return b.build();
    }

    /** Stores a freshly verified identity (a bearer token with an expiry); anything else is left alone. */
    void remember(SecurityIdentity identity) {
        if (!enabled || identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        String token = null;
        for (Credential c : identity.getCredentials()) {
            if (c instanceof TokenCredential t && t.getToken() != null) {
                token = t.getToken();
            }
        }
        if (token == null || entries.containsKey(token)) {
            return;
        }
        long now = nanoTime.getAsLong();
        long untilExpiry = Duration.ofSeconds(jwt.getExpirationTime() - System.currentTimeMillis() / 1000).toNanos();
        if (untilExpiry <= 0) {
            return;
        }
        List<String> routingKeys = new ArrayList<>();
        List<String> requestContextKeys = new ArrayList<>();
        Map<String, Object> kept = new HashMap<>();
        identity.getAttributes().forEach((k, v) -> {
            if (v instanceof RoutingContext) {
                routingKeys.add(k);
            } else if (v instanceof AuthenticationRequestContext) {
                requestContextKeys.add(k);
            } else {
                kept.put(k, v);
            }
        });
        SecurityIdentity stored = copy(identity, kept).build();
        if (entries.size() >= maxEntries) {
            entries.clear(); // rare: more distinct live tokens than the bound; start over rather than grow
        }
        entries.put(token, new Entry(stored, List.copyOf(routingKeys), List.copyOf(requestContextKeys),
                now + Math.min(ttlNanos, untilExpiry)));
    }

    /** Whether a live identity is remembered for exactly this token (the lookup still checks its expiry). */
    boolean knows(String token) {
        return enabled && entries.containsKey(token);
    }

    int size() {
        return entries.size();
    }

    /** Principal, roles and credentials of {@code identity} with the given attributes (no permission checkers). */
    private static QuarkusSecurityIdentity.Builder copy(SecurityIdentity identity, Map<String, Object> attributes) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes);
    }

    /** A bearer token this process has remembered; only {@link Lookup} answers it. */
    public static final class Remembered extends BaseAuthenticationRequest {

        private final String token;

        Remembered(String token) {
            this.token = token;
        }
    }

    /**
     * Answers a request bearing a remembered token from the cache; any other request (no bearer token, an unknown,
     * altered or expired one) yields to the next mechanism, quarkus-oidc's, which verifies it.
     */
    @ApplicationScoped
    public static class Mechanism implements HttpAuthenticationMechanism {

        private static final String BEARER = "Bearer ";

        private final VerifiedTokens tokens;

        public Mechanism(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
            String token = bearer(context.request().getHeader(HttpHeaders.AUTHORIZATION));
            if (token == null || !tokens.knows(token)) {
                return Uni.createFrom().nullItem();
            }
            // the identity provider manager gives the lookup its request context and runs the augmentors, as for a
            // verified token; an entry that expired in between fails there and yields to quarkus-oidc
            return identityProviderManager
                    .authenticate(HttpSecurityUtils.setRoutingContextAttribute(new Remembered(token), context))
                    .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }

        static String bearer(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            String token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? null : token;
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().nullItem(); // quarkus-oidc's mechanism answers the challenge
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(Remembered.class);
        }

        @Override
        public int getPriority() {
            return Integer.MAX_VALUE; // mechanisms are tried highest first; quarkus-oidc's has 1001
        }
    }

    /** The identity remembered for the token of a {@link Remembered} request, with the current request's attributes. */
    @ApplicationScoped
    public static class Lookup implements IdentityProvider<Remembered> {

        private final VerifiedTokens tokens;

        public Lookup(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<Remembered> getRequestType() {
            return Remembered.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Remembered request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.find(request.token, HttpSecurityUtils.getRoutingContextAttribute(request),
                    context));
        }
    }

    /** Stores what the verifying provider produced (runs before other augmentors, so it stores the raw identity). */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        public Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE; // augmentors run highest first
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
