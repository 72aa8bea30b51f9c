package io.aurum.common.security;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
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
 * <p>How it fits Quarkus security: {@link Lookup} is an identity provider for bearer tokens tried before
 * quarkus-oidc's; it answers a remembered token and otherwise yields to the next provider. {@link Remember} is an
 * augmentor that stores what quarkus-oidc produced. The per-request attributes (the routing context and the request
 * context) are not stored; a remembered identity gets the current request's. Permission checkers are not carried
 * over (Aurum authorises by roles and data ownership, never by {@code @PermissionsAllowed}), so a permission check
 * on a remembered identity fails closed.
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

    /** Tried before quarkus-oidc's provider: answers a remembered token, otherwise lets the next provider verify. */
    @ApplicationScoped
    public static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        public Lookup(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE; // providers are tried highest first; quarkus-oidc's has the default (1001)
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            TokenCredential credential = request.getToken();
            return Uni.createFrom().item(tokens.find(credential == null ? null : credential.getToken(),
                    HttpSecurityUtils.getRoutingContextAttribute(request), context));
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
