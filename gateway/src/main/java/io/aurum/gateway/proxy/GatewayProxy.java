package io.aurum.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.common.problem.Problem;
import io.aurum.common.web.CorrelationId;
import io.aurum.gateway.config.GatewayConfig;
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
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
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
 * The reverse proxy. For every /api request, in this order: size limit (413), authentication of the bearer token
 * against Keycloak (401), the route policy (403), the caller's rate limit (429) — all answered as problem+json
 * before anything reaches a service — then the request is streamed to the upstream with vertx-http-proxy,
 * relaying the token, the correlation id and forwarding headers. Hop-by-hop headers are dropped by the library.
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    private static final Logger ACCESS = Logger.getLogger("io.aurum.gateway.access");
    private static final String REFUSED = "The bearer token was refused (expired, tampered, wrong issuer or audience)";
    private static final String REQUEST_ID = "X-Request-Id";
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains");

    private final GatewayConfig config;
    /** {@code aurum.gateway.bulk-paths}, read once (every request asks). */
    private final List<String> bulkPaths;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final RoutePolicy policy;
    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private final RateLimiter.Quota partnerQuota;
    /** one timer per route and status, looked up once (building and registering a meter per request showed in the profile) */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public GatewayProxy(GatewayConfig config, ObjectMapper mapper, MeterRegistry metrics) throws IOException {
        this.config = config;
        this.bulkPaths = config.bulkPaths().orElse(List.of());
        this.mapper = mapper;
        this.metrics = metrics;
        this.policy = loadPolicy(config);
        this.partnerQuota = new RateLimiter.Quota("partner", config.rateLimit().partnerPerSecond(), config.rateLimit().partnerBurst());
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
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setMaxPoolSize(100)
                .setKeepAlive(true));
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            String name = entry.getKey();
            GatewayConfig.Route route = entry.getValue();
            CircuitBreaker breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                    config.circuitBreaker().openDuration().toNanos(), System::nanoTime);
            long timeoutMillis = route.timeout().orElse(config.requestTimeout()).toMillis();
            long bulkTimeoutMillis = Math.max(timeoutMillis, config.bulkRequestTimeout().toMillis());
            String host = route.upstream().getHost();
            int port = port(route);
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((req, http) -> http.request(new RequestOptions()
                            .setHost(host).setPort(port).setTimeout(bulk(req.path()) ? bulkTimeoutMillis : timeoutMillis)))
                    .addInterceptor(new UpstreamInterceptor(name, breaker));
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
                problem(ctx, 401, "unauthenticated", "Unauthenticated", REFUSED, correlationIdOf(ctx.request()));
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
        String correlationId = correlationIdOf(request);
        request.headers().set(CorrelationId.HEADER, correlationId);
        request.headers().set(REQUEST_ID, correlationId);
        ctx.addHeadersEndHandler(v -> SECURITY_HEADERS.forEach(ctx.response().headers()::set));
        ctx.addEndHandler(v -> accessLog(ctx, routeName, correlationId, started));

        if (request.uri().length() > config.maxUriLength()) {
            problem(ctx, 414, "uri-too-long", "URI too long",
                    "The path and query may be at most " + config.maxUriLength() + " characters", correlationId);
            return;
        }
        String length = request.getHeader("Content-Length");
        long maxBody = bulk(request.path()) ? config.bulkMaxBodyBytes() : config.maxBodyBytes();
        if (length != null && parseLong(length) > maxBody) {
            problem(ctx, 413, "payload-too-large", "Payload too large",
                    "The body may be at most " + maxBody + " bytes", correlationId);
            return;
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
        if (!breaker.allowRequest()) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, config.circuitBreaker().openDuration().toSeconds())));
            problem(ctx, 503, "upstream-unavailable", "Service unavailable",
                    "The " + routeName + " service is unavailable (circuit open after repeated failures); retry later",
                    correlationId);
            return;
        }
        proxy.handle(request);
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetIdleCallers() {
        limiter.evictIdle(TimeUnit.MINUTES.toNanos(10));
    }

    private void accessLog(RoutingContext ctx, String routeName, String correlationId, long started) {
        long nanos = System.nanoTime() - started;
        int status = ctx.response().getStatusCode();
        timers.computeIfAbsent(routeName + ' ' + status, k -> Timer.builder("aurum.gateway.requests")
                        .tag("route", routeName)
                        .tag("status", Integer.toString(status))
                        .register(metrics))
                .record(nanos, TimeUnit.NANOSECONDS);
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        try {
            Object caller = ctx.get("aurum.caller");
            ACCESS.infof("%s %s -> %d in %.1f ms route=%s caller=%s", ctx.request().method().name(), ctx.request().path(),
                    status, nanos / 1e6, routeName, caller == null ? "-" : caller);
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    private void problem(RoutingContext ctx, int status, String slug, String title, String detail, String correlationId) {
        String body = json(new Problem(Problem.type(slug), title, status, detail, ctx.request().path(), correlationId, List.of()));
        ctx.request().resume();
        HttpServerResponse response = ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(CorrelationId.HEADER, correlationId)
                .putHeader(REQUEST_ID, correlationId);
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"aurum\"");
        }
        if (status == 413) {
            response.putHeader("Connection", "close"); // do not read the oversized body
        }
        response.end(body);
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + problem.status() + "}";
        }
    }

    /** X-Correlation-Id, else X-Request-Id, else a new id; malformed values are replaced, never echoed. */
    private static String correlationIdOf(HttpServerRequest request) {
        String given = request.getHeader(CorrelationId.HEADER);
        return CorrelationId.acceptOrCreate(given != null ? given : request.getHeader(REQUEST_ID));
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

    /**
     * Tells the upstream who forwarded the request, returns the correlation id to the caller, feeds the route's
     * circuit breaker, and turns a failed or timed-out upstream into 503 or 504 problem+json naming the service
     * (the proxy library alone would answer a bare 502).
     */
    private final class UpstreamInterceptor implements ProxyInterceptor {

        private static final String FAILURE = "aurum.upstream-failure";
        private final String routeName;
        private final CircuitBreaker breaker;

        UpstreamInterceptor(String routeName, CircuitBreaker breaker) {
            this.routeName = routeName;
            this.breaker = breaker;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var proxied = context.request();
            var original = proxied.proxiedRequest();
            MultiMap headers = proxied.headers();
            headers.set("X-Forwarded-Proto", original.scheme() == null ? "http" : original.scheme());
            if (original.remoteAddress() != null) {
                headers.set("X-Forwarded-For", original.remoteAddress().hostAddress());
            }
            if (original.authority() != null) {
                headers.set("X-Forwarded-Host", original.authority().toString());
            }
            return context.sendRequest().onComplete(outcome -> {
                if (outcome.failed()) {
                    context.set(FAILURE, outcome.cause());
                    breaker.onFailure();
                } else if (outcome.result().getStatusCode() >= 502 && outcome.result().getStatusCode() <= 504) {
                    breaker.onFailure();
                } else {
                    breaker.onSuccess();
                }
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String correlationId = context.request().headers().get(CorrelationId.HEADER);
            Throwable failure = context.get(FAILURE, Throwable.class);
            ProxyResponse response = context.response();
            if (failure != null) {
                boolean timeout = failure instanceof java.util.concurrent.TimeoutException
                        || failure.getClass().getSimpleName().contains("Timeout");
                int status = timeout ? 504 : 503;
                String detail = timeout ? "The " + routeName + " service did not answer in time"
                        : "The " + routeName + " service is unavailable";
                LOG.warnf("Upstream %s failed: %s", routeName, failure.toString());
                Problem problem = new Problem(Problem.type(timeout ? "upstream-timeout" : "upstream-unavailable"),
                        timeout ? "Gateway timeout" : "Service unavailable", status, detail,
                        context.request().proxiedRequest().path(), correlationId, List.of());
                response.setStatusCode(status).setStatusMessage(timeout ? "Gateway Timeout" : "Service Unavailable");
                response.headers().clear();
                response.putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .setBody(Body.body(Buffer.buffer(json(problem))));
            }
            if (correlationId != null) {
                response.headers().set(CorrelationId.HEADER, correlationId);
                response.headers().set(REQUEST_ID, correlationId);
            }
            return context.sendResponse();
        }
    }
}
