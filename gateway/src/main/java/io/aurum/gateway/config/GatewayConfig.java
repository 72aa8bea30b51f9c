package io.aurum.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Routes from a path prefix to an upstream service; addresses come from configuration (local ports, k8s service names). */
@ConfigMapping(prefix = "aurum.gateway")
public interface GatewayConfig {

    /** Route name (e.g. {@code clients}) → its prefix and upstream. */
    Map<String, Route> routes();

    /** How long to wait for a TCP connection to an upstream. */
    @WithDefault("PT2S")
    Duration connectTimeout();

    /** An upstream connection idle this long is closed. */
    @WithDefault("PT30S")
    Duration idleTimeout();

    /** The Keycloak realm URL as callers reach it, for the OAuth2 flows of the merged OpenAPI document. */
    String publicRealmUrl();

    /** How often the readiness check probes every upstream's liveness endpoint. */
    @WithDefault("5s")
    Duration upstreamProbeInterval();

    /** How long an upstream may take to start answering before the caller gets 504. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /**
     * How long a caller may take to send an ordinary request's body (bulk uploads stream instead). Slower is the
     * caller's fault: 408, and the upstream never sees the request, so a slow sender cannot open a route's circuit.
     */
    @WithDefault("PT10S")
    Duration bodyReadTimeout();

    /**
     * Addresses of the proxies in front of the gateway (the ingress controller's pods): only from them is the
     * X-Forwarded-For chain believed, for the per-address limits and the upstream's X-Forwarded-For. Empty: the
     * connection's own address is the caller's.
     */
    Optional<java.util.List<String>> trustedProxies();

    /**
     * The base URL callers use (e.g. {@code https://api.aurum.bank}): absolute URLs in answers, such as a
     * {@code Location} naming an upstream's internal address, are rewritten to it. Empty: the scheme and host the
     * caller used.
     */
    Optional<URI> publicBaseUrl();

    CircuitBreakerSettings circuitBreaker();

    interface CircuitBreakerSettings {
        /** Consecutive upstream failures that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses requests before one trial goes through. */
        @WithDefault("PT10S")
        Duration openDuration();

        /** How long one half-open trial keeps other requests out; after it the next request is a trial too. */
        @WithDefault("PT1S")
        Duration trialLease();
    }

    /** The route policy file (METHODS PATH ROLES per line); empty: the gateway-policy.conf shipped in the jar. */
    Optional<String> policyFile();

    /**
     * Longest request target (path and query) accepted, in characters: longer answers 414 problem+json here, below the
     * services' own HTTP line limit (4 KiB), so no caller ever meets a bare 414 from a service.
     */
    @WithDefault("4000")
    int maxUriLength();

    /** Largest request body accepted, in bytes (a larger Content-Length, or more bytes than that, answers 413). */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Path prefixes of bulk uploads (e.g. {@code /api/aum/uploads}), which may carry up to {@link #bulkMaxBodyBytes()}. */
    Optional<java.util.List<String>> bulkPaths();

    @WithDefault("1073741824")
    long bulkMaxBodyBytes();

    /**
     * Request timeout of bulk uploads, replacing the route's when longer: the timeout runs while the body is still
     * being sent, and a file of up to {@link #bulkMaxBodyBytes()} takes longer than an ordinary request's 10 s to
     * arrive (over 80 s for 1 GB at 100 Mbit/s).
     */
    @WithDefault("PT15M")
    Duration bulkRequestTimeout();

    /** A bulk upload whose bytes stop arriving for this long is ended (408): slow is allowed, stopped is not. */
    @WithDefault("PT30S")
    Duration bulkIdleTimeout();

    RateLimit rateLimit();

    interface RateLimit {
        /** Requests a second per signed-in user, after the burst. */
        @WithDefault("50")
        double perSecond();

        @WithDefault("100")
        int burst();

        /** Partner institutions (client credentials) have their own, smaller quota. */
        @WithDefault("10")
        double partnerPerSecond();

        @WithDefault("20")
        int partnerBurst();

        /**
         * Requests a second from one address whose bearer token must be verified (one the gateway has not verified
         * before, or none that could be valid): checked before any signature is, so a flood of forged tokens costs
         * a map look-up each, not an RSA verification. Known-good tokens never count.
         */
        @WithDefault("20")
        double unverifiedPerAddressPerSecond();

        @WithDefault("100")
        int unverifiedPerAddressBurst();
    }

    interface Route {
        /** Path prefix, e.g. {@code /api/clients}; the request path is forwarded unchanged. */
        String prefix();

        /** Further path prefixes served by the same upstream (same circuit breaker and quota). */
        Optional<java.util.List<String>> morePrefixes();

        /** Base URL of the upstream, e.g. {@code http://client-service:8080}. */
        URI upstream();

        /** Per-route request timeout, overriding the default. */
        Optional<Duration> timeout();

        /** Per-route user quota (requests a second), overriding the default. */
        Optional<Double> ratePerSecond();

        /** Per-route user burst, overriding the default. */
        Optional<Integer> rateBurst();
    }
}
