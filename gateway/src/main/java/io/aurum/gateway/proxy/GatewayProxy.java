package io.aurum.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.common.problem.Problem;
import io.aurum.common.web.CorrelationId;
import io.aurum.common.security.VerifiedTokens;
import io.aurum.gateway.config.GatewayConfig;
import io.aurum.gateway.edge.CallerAddress;
import io.aurum.gateway.edge.CanonicalPath;
import io.aurum.gateway.edge.TokenShape;
import io.aurum.gateway.policy.CircuitBreaker;
import io.aurum.gateway.policy.RateLimiter;
import io.aurum.gateway.policy.RoutePolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The reverse proxy. For every /api request, in this order: request-target length (414), a canonical path (400),
 * declared size (413), the token's shape and the caller address's budget for unverified tokens (401, 429),
 * authentication of the bearer token against Keycloak (401), the route policy on the canonical path (403), the
 * caller's rate limit (429), the whole body received within its deadline and limit (408, 413) — all answered as
 * problem+json before anything reaches a service — then the request goes to the upstream with vertx-http-proxy,
 * relaying the token, the gateway's own correlation id, the caller's reference and forwarding headers. Hop-by-hop
 * headers are dropped by the library. Only the upstream's own faults (no connection, a reset, no answer in time
 * after the whole request was sent, 502–504) count against its circuit; a slow or vanished caller never does.
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    private static final Logger ACCESS = Logger.getLogger("io.aurum.gateway.access");
    private static final String REFUSED = "The bearer token was refused (expired, tampered, wrong issuer or audience)";
    static final String REQUEST_ID = "X-Request-Id";
    /** The caller's own id for its request (its X-Request-Id or X-Correlation-Id), relayed and echoed, never trusted. */
    static final String CALLER_REFERENCE = "X-Caller-Reference";
    /** A refused request's unread body up to this size is read and dropped, keeping the connection; larger ones close it. */
    private static final long DRAINABLE_BYTES = 65_536;
    private static final String CALLER_REFERENCE_KEY = "aurum.caller-reference";

    private final GatewayConfig config;
    /** {@code aurum.gateway.bulk-paths}, read once (every request asks). */
    private final List<String> bulkPaths;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final RoutePolicy policy;
    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private final RateLimiter.Quota partnerQuota;
    private final RateLimiter.Quota unverifiedQuota;
    private final VerifiedTokens verifiedTokens;
    private final CallerAddress callerAddress;
    private Vertx vertx;
    /** one timer per route and status, looked up once (building and registering a meter per request showed in the profile) */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    /** Requests refused per address for too many unverified tokens, since the last summary. */
    private final Map<String, Long> floods = new ConcurrentHashMap<>();
    private static final String QUIET = "aurum.quiet";

    public GatewayProxy(GatewayConfig config, ObjectMapper mapper, MeterRegistry metrics, VerifiedTokens verifiedTokens)
            throws IOException {
        this.config = config;
        this.bulkPaths = config.bulkPaths().orElse(List.of());
        this.mapper = mapper;
        this.metrics = metrics;
        this.policy = loadPolicy(config);
        this.partnerQuota = new RateLimiter.Quota("partner", config.rateLimit().partnerPerSecond(), config.rateLimit().partnerBurst());
        this.unverifiedQuota = new RateLimiter.Quota("unverified", config.rateLimit().unverifiedPerAddressPerSecond(),
                config.rateLimit().unverifiedPerAddressBurst());
        this.verifiedTokens = verifiedTokens;
        this.callerAddress = new CallerAddress(config.trustedProxies().orElse(List.of()));
        LOG.infof("Route policy: %d rules", policy.rules().size());
    }

    private static RoutePolicy loadPolicy(GatewayConfig config) throws IOException {
        try (Reader reader = config.policyFile().isPresent()
                ? Files.newBufferedReader(Path.of(config.policyFile().get()), StandardCharsets.UTF_8)
                : new InputStreamReader(GatewayProxy.class.getResourceAsStream("/gateway-policy.conf"), StandardCharsets.UTF_8)) {
            return RoutePolicy.parse(reader);
        }
    }

    void install(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setMaxPoolSize(100)
                .setKeepAlive(true));
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            String name = entry.getKey();
            GatewayConfig.Route route = entry.getValue();
            CircuitBreaker breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                    config.circuitBreaker().openDuration().toNanos(), config.circuitBreaker().trialLease().toNanos(),
                    System::nanoTime);
            long timeoutMillis = route.timeout().orElse(config.requestTimeout()).toMillis();
            long bulkTimeoutMillis = Math.max(timeoutMillis, config.bulkRequestTimeout().toMillis());
            String host = route.upstream().getHost();
            int port = port(route);
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((req, http) -> http.request(new RequestOptions()
                            .setHost(host).setPort(port).setTimeout(bulk(req.path()) ? bulkTimeoutMillis : timeoutMillis)))
                    .addInterceptor(new UpstreamInterceptor(name, breaker, route.upstream(), config, callerAddress,
                            exchanges, this::json, vertx));
            RateLimiter.Quota userQuota = new RateLimiter.Quota("route:" + name,
                    route.ratePerSecond().orElse(config.rateLimit().perSecond()),
                    route.rateBurst().orElse(config.rateLimit().burst()));
            java.util.List<String> prefixes = new java.util.ArrayList<>(List.of(route.prefix()));
            route.morePrefixes().ifPresent(prefixes::addAll);
            for (String prefix : prefixes) {
                router.route(prefix + "/*").order(10).handler(ctx -> handle(ctx, name, proxy, breaker, userQuota));
            }
            LOG.infof("Route %s: %s -> %s", name, prefixes, route.upstream());
        }
        // A refused token can also surface as a routing failure (Quarkus fails the context when the deferred
        // identity cannot be built); answer it with the same problem+json.
        router.route().order(-100).failureHandler(ctx -> {
            if (isAuthenticationFailure(ctx.failure()) && !ctx.response().headWritten()) {
                String id = ctx.request().getHeader(CorrelationId.HEADER);
                problem(ctx, 401, "unauthenticated", "Unauthenticated", REFUSED, CorrelationId.acceptOrCreate(id));
            } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500 && !ctx.response().headWritten()) {
                // the HTTP layer refused the request (no Host, a malformed header): the caller's fault, answered as
                // problem+json and never logged as an error of the gateway
                problem(ctx, ctx.statusCode(), "bad-request", "Bad request", "The request is malformed",
                        CorrelationId.acceptOrCreate(null));
            } else {
                ctx.next();
            }
        });
    }

    private void handle(RoutingContext ctx, String routeName, HttpProxy proxy, CircuitBreaker breaker,
                        RateLimiter.Quota userQuota) {
        HttpServerRequest request = ctx.request();
        request.pause();
        long started = System.nanoTime();
        // the gateway's own id names the work in every log and in the audit trail; what the caller sent is its reference
        String correlationId = CorrelationId.acceptOrCreate(null);
        String callerReference = callerReferenceOf(request);
        request.headers().set(CorrelationId.HEADER, correlationId);
        request.headers().remove(REQUEST_ID);
        request.headers().remove(CALLER_REFERENCE);
        if (callerReference != null) {
            request.headers().set(CALLER_REFERENCE, callerReference);
            ctx.put(CALLER_REFERENCE_KEY, callerReference);
        }
        ctx.addEndHandler(v -> accessLog(ctx, routeName, correlationId, callerReference, started));

        if (request.uri().length() > config.maxUriLength()) {
            problem(ctx, 414, "uri-too-long", "URI too long",
                    "The path and query may be at most " + config.maxUriLength() + " characters", correlationId);
            return;
        }
        String notCanonical = CanonicalPath.problem(request.path());
        if (notCanonical != null) {
            problem(ctx, 400, "path-not-canonical", "Path not canonical",
                    "The request path is refused: " + notCanonical, correlationId);
            return;
        }
        String length = request.getHeader("Content-Length");
        long maxBody = bulk(request.path()) ? config.bulkMaxBodyBytes() : config.maxBodyBytes();
        if (length != null && parseLong(length) > maxBody) {
            problem(ctx, 413, "payload-too-large", "Payload too large",
                    "The body may be at most " + maxBody + " bytes", correlationId);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            problem(ctx, 401, "unauthenticated", "Unauthenticated", "A valid bearer token is required", correlationId);
            return;
        }
        String token = TokenShape.bearer(authorization);
        if (!TokenShape.plausible(token)) {
            problem(ctx, 401, "unauthenticated", "Unauthenticated", REFUSED, correlationId);
            return;
        }
        if (!verifiedTokens.remembers(token)) {
            String address = java.util.Objects.requireNonNullElse(
                    callerAddress.of(remoteAddress(request), request.getHeader("X-Forwarded-For")), "unknown");
            RateLimiter.Outcome outcome = limiter.acquire("address:" + address, unverifiedQuota);
            if (!outcome.allowed()) {
                // a flood is counted and summarised every few seconds, not logged line by line: the log must not
                // become the next thing a forged-token flood fills up
                ctx.put(QUIET, Boolean.TRUE);
                floods.merge(address, 1L, Long::sum);
                ctx.response().putHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
                problem(ctx, 429, "rate-limited", "Too many requests",
                        "Too many requests with new or invalid tokens from your address: retry after "
                                + outcome.retryAfterSeconds() + " s", correlationId);
                return;
            }
        }
        Context context = Vertx.currentContext();
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        identity.subscribe().with(
                who -> context.runOnContext(v -> {
                    if (who == null || who.isAnonymous()) {
                        problem(ctx, 401, "unauthenticated", "Unauthenticated", "A valid bearer token is required", correlationId);
                    } else {
                        authorizeThenProxy(ctx, who, routeName, proxy, breaker, userQuota, correlationId);
                    }
                }),
                failure -> context.runOnContext(v -> {
                    if (!ctx.response().headWritten()) {
                        problem(ctx, 401, "unauthenticated", "Unauthenticated", REFUSED, correlationId);
                    }
                }));
    }

    private void authorizeThenProxy(RoutingContext ctx, SecurityIdentity who, String routeName, HttpProxy proxy,
                                    CircuitBreaker breaker, RateLimiter.Quota userQuota, String correlationId) {
        HttpServerRequest request = ctx.request();
        if (policy.decide(request.method().name(), request.path(), who.getRoles()) == RoutePolicy.Decision.DENY) {
            problem(ctx, 403, "forbidden", "Forbidden",
                    "Your role may not call " + request.method().name() + " " + request.path(), correlationId);
            return;
        }
        boolean partner = who.getRoles().contains("partner");
        String caller = partner ? "partner:" + claim(who, "azp") : "user:" + claim(who, "sub");
        ctx.put("aurum.caller", caller);
        RateLimiter.Outcome outcome = limiter.acquire(caller, partner ? partnerQuota : userQuota);
        if (!outcome.allowed()) {
            ctx.response().putHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
            problem(ctx, 429, "rate-limited", "Too many requests",
                    "Slow down: retry after " + outcome.retryAfterSeconds() + " s", correlationId);
            return;
        }
        Runnable forward = () -> {
            if (!breaker.allowRequest()) {
                ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, config.circuitBreaker().openDuration().toSeconds())));
                problem(ctx, 503, "upstream-unavailable", "Service unavailable",
                        "The " + routeName + " service is unavailable (circuit open after repeated failures); retry later",
                        correlationId);
                return;
            }
            forward(ctx, proxy);
        };
        if (bulk(request.path()) || !WholeBody.carried(request)) {
            forward.run(); // a bulk upload streams, counted on the way (UpstreamInterceptor)
        } else {
            WholeBody.receive(vertx, ctx, config.maxBodyBytes(), config.bodyReadTimeout(),
                    (status, slug, title, detail) -> problem(ctx, status, slug, title, detail, correlationId), forward);
        }
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetIdleCallers() {
        limiter.evictIdle(TimeUnit.MINUTES.toNanos(10));
    }

    /** One line per flooding address every 10 s instead of one per refused request. */
    @Scheduled(every = "10s", delayed = "10s")
    void summariseFloods() {
        for (String address : List.copyOf(floods.keySet())) {
            Long refused = floods.remove(address);
            if (refused != null) {
                LOG.warnf("%d requests from %s refused in the last 10 s: too many new or invalid tokens", refused, address);
            }
        }
    }

    private void accessLog(RoutingContext ctx, String routeName, String correlationId, String callerReference, long started) {
        long nanos = System.nanoTime() - started;
        int status = ctx.response().getStatusCode();
        timers.computeIfAbsent(routeName + ' ' + status, k -> Timer.builder("aurum.gateway.requests")
                        .tag("route", routeName)
                        .tag("status", Integer.toString(status))
                        .register(metrics))
                .record(nanos, TimeUnit.NANOSECONDS);
        if (ctx.get(QUIET) != null) {
            return;
        }
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        try {
            Object caller = ctx.get("aurum.caller");
            ACCESS.info(ctx.request().method().name() + ' ' + ctx.request().path() + " -> " + status + " in "
                    + Math.round(nanos / 1e5) / 10.0 + " ms route=" + routeName + " caller=" + (caller == null ? "-" : caller)
                    + " ref=" + (callerReference == null ? "-" : callerReference));
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    private void problem(RoutingContext ctx, int status, String slug, String title, String detail, String correlationId) {
        String body = json(new Problem(Problem.type(slug), title, status, detail, ctx.request().path(), correlationId, List.of()));
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        HttpServerResponse response = ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(CorrelationId.HEADER, correlationId);
        io.aurum.gateway.edge.SecurityHeaders.addTo(response.headers());
        String reference = ctx.get(CALLER_REFERENCE_KEY);
        if (reference != null) {
            response.putHeader(REQUEST_ID, reference);
        }
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"aurum\"");
        }
        // a body that is too large or too slow is not read to its end: the connection cannot be reused
        boolean unreadBody = status == 413 || status == 408 || !ctx.request().isEnded() && WholeBody.carried(ctx.request())
                && !(parseLong(String.valueOf(ctx.request().getHeader("Content-Length"))) >= 0
                     && parseLong(String.valueOf(ctx.request().getHeader("Content-Length"))) <= DRAINABLE_BYTES);
        if (unreadBody) {
            response.putHeader("Connection", "close");
            response.end(body).onComplete(v -> ctx.request().connection().close());
        } else {
            ctx.request().resume();
            response.end(body);
        }
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + problem.status() + "}";
        }
    }

    /** The caller's X-Request-Id, else its X-Correlation-Id, when well-formed; malformed values are dropped, never echoed. */
    private static String callerReferenceOf(HttpServerRequest request) {
        String given = request.getHeader(REQUEST_ID);
        return CorrelationId.acceptedOrNull(given != null ? given : request.getHeader(CorrelationId.HEADER));
    }

    static String remoteAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static String claim(SecurityIdentity who, String name) {
        if (who.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(name) != null) {
            return jwt.getClaim(name).toString();
        }
        return who.getPrincipal().getName();
    }

    /** A bulk upload's path ({@code aurum.gateway.bulk-paths}): a larger body and a longer timeout. */
    private boolean bulk(String path) {
        return path != null && bulkPaths.stream().anyMatch(path::startsWith);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        return failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException;
    }

    private static int port(GatewayConfig.Route route) {
        int port = route.upstream().getPort();
        return port > 0 ? port : ("https".equals(route.upstream().getScheme()) ? 443 : 80);
    }

    /** Requests in flight → their exchange; an entry lives from the proxy's start to the request's end. */
    private final Map<HttpServerRequest, Exchange> exchanges = new ConcurrentHashMap<>();

    private void forward(RoutingContext ctx, HttpProxy proxy) {
        HttpServerRequest request = ctx.request();
        Exchange exchange = new Exchange();
        exchange.body = ctx.get(WholeBody.KEY);
        exchange.callerReference = ctx.get(CALLER_REFERENCE_KEY);
        exchange.correlationId = request.getHeader(CorrelationId.HEADER);
        exchanges.put(request, exchange);
        ctx.addEndHandler(v -> exchanges.remove(request));
        proxy.handle(request);
    }

}
