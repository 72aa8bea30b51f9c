package io.aurum.gateway.proxy;

import io.aurum.common.problem.Problem;
import io.aurum.common.web.CorrelationId;
import io.aurum.gateway.config.GatewayConfig;
import io.aurum.gateway.edge.CallerAddress;
import io.aurum.gateway.policy.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tells the upstream who forwarded the request, returns the correlation id to the caller, feeds the route's
 * circuit breaker, and turns a failed or timed-out upstream into 503 or 504 problem+json naming the service
 * (the proxy library alone would answer a bare 502).
 */
final class UpstreamInterceptor implements ProxyInterceptor {

    private static final String FAILURE = "aurum.upstream-failure";
    private static final String CALLERS_FAULT = "aurum.callers-fault";
    private final String routeName;
    private final CircuitBreaker breaker;
    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    private final String upstreamBase;
    private final GatewayConfig config;
    private final CallerAddress callerAddress;
    private final Map<HttpServerRequest, Exchange> exchanges;
    private final Function<Problem, String> json;
    private final io.vertx.core.Vertx vertx;

    UpstreamInterceptor(String routeName, CircuitBreaker breaker, URI upstream, GatewayConfig config,
                        CallerAddress callerAddress, Map<HttpServerRequest, Exchange> exchanges, Function<Problem, String> json,
                        io.vertx.core.Vertx vertx) {
        this.routeName = routeName;
        this.breaker = breaker;
        this.upstreamBase = upstream.getScheme() + "://" + upstream.getRawAuthority();
        this.config = config;
        this.callerAddress = callerAddress;
        this.exchanges = exchanges;
        this.json = json;
        this.vertx = vertx;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        var proxied = context.request();
        var original = proxied.proxiedRequest();
        Exchange exchange = exchanges.get(original);
        MultiMap headers = proxied.headers();
        headers.set("X-Forwarded-Proto", original.scheme() == null ? "http" : original.scheme());
        String connection = GatewayProxy.remoteAddress(original);
        String forwardedFor = callerAddress.forwardedFor(connection, original.getHeader("X-Forwarded-For"));
        if (forwardedFor != null) {
            headers.set("X-Forwarded-For", forwardedFor);
        } else {
            headers.remove("X-Forwarded-For");
        }
        if (original.authority() != null) {
            headers.set("X-Forwarded-Host", original.authority().toString());
        }
        if (exchange != null && exchange.body != null) {
            // received whole before the upstream was asked
            proxied.setBody(exchange.body.length() == 0 ? null : Body.body(exchange.body));
        } else if (exchange != null && proxied.getBody() != null) {
            proxied.setBody(Body.body(new CountedBody(proxied.getBody().stream(), config.bulkMaxBodyBytes(), exchange,
                    vertx, config.bulkIdleTimeout().toMillis()),
                    proxied.getBody().length()));
        }
        return context.sendRequest().onComplete(outcome -> {
            if (outcome.failed()) {
                context.set(FAILURE, outcome.cause());
                // the caller's fault: it sent too much, was still sending when time ran out, or went away
                boolean timedOut = outcome.cause() instanceof java.util.concurrent.TimeoutException
                        || outcome.cause().getClass().getSimpleName().contains("Timeout");
                boolean callers = exchange != null && (exchange.tooLarge || exchange.stalled) || timedOut && !original.isEnded()
                        || original.response().closed();
                if (callers) {
                    context.set(CALLERS_FAULT, Boolean.TRUE);
                } else {
                    breaker.onFailure();
                }
            } else if (outcome.result().getStatusCode() >= 502 && outcome.result().getStatusCode() <= 504) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        HttpServerRequest original = context.request().proxiedRequest();
        Exchange exchange = exchanges.get(original);
        // from the exchange: after a failed send the library has released (cleared) the proxied request's headers
        String correlationId = exchange != null ? exchange.correlationId : context.request().headers().get(CorrelationId.HEADER);
        Throwable failure = context.get(FAILURE, Throwable.class);
        ProxyResponse response = context.response();
        if (failure != null) {
            boolean callers = context.get(CALLERS_FAULT, Boolean.class) != null;
            boolean tooLarge = exchange != null && exchange.tooLarge;
            boolean timeout = failure instanceof java.util.concurrent.TimeoutException
                    || failure.getClass().getSimpleName().contains("Timeout");
            int status = tooLarge ? 413 : callers ? 408 : timeout ? 504 : 503;
            String slug = switch (status) {
                case 413 -> "payload-too-large";
                case 408 -> "request-timeout";
                case 504 -> "upstream-timeout";
                default -> "upstream-unavailable";
            };
            String title = switch (status) {
                case 413 -> "Payload too large";
                case 408 -> "Request timeout";
                case 504 -> "Gateway timeout";
                default -> "Service unavailable";
            };
            String detail = switch (status) {
                case 413 -> "The body may be at most " + config.bulkMaxBodyBytes() + " bytes";
                case 408 -> "The request did not arrive completely in time";
                case 504 -> "The " + routeName + " service did not answer in time";
                default -> "The " + routeName + " service is unavailable";
            };
            if (callers) {
                LOG.debugf("Request to %s ended by the caller's side: %s", routeName, failure.toString());
            } else {
                LOG.warnf("Upstream %s failed: %s", routeName, failure.toString());
            }
            Problem problem = new Problem(Problem.type(slug), title, status, detail, original.path(), correlationId, List.of());
            response.setStatusCode(status).setStatusMessage(title);
            response.headers().clear();
            response.putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(json.apply(problem))));
            if (callers) {
                response.putHeader("Connection", "close");
            }
        }
        String location = response.headers().get("Location");
        if (location != null && location.startsWith(upstreamBase)) {
            response.headers().set("Location", publicBase() + location.substring(upstreamBase.length()));
        }
        if (correlationId != null) {
            response.headers().set(CorrelationId.HEADER, correlationId);
        }
        response.headers().remove(GatewayProxy.REQUEST_ID);
        if (exchange != null && exchange.callerReference != null) {
            response.headers().set(GatewayProxy.REQUEST_ID, exchange.callerReference);
        }
        if (failure != null && context.get(CALLERS_FAULT, Boolean.class) != null) {
            // the rest of the caller's request will not come (or is refused): answer, then end its connection
            return context.sendResponse().onComplete(v -> original.connection().close());
        }
        return context.sendResponse();
    }

    /**
     * The configured public base URL, or nothing: then a rewritten {@code Location} is a path alone. Never the Host
     * the caller sent — that would let any caller choose the host of the links it is given (host-header poisoning).
     */
    private String publicBase() {
        if (config.publicBaseUrl().isPresent()) {
            String base = config.publicBaseUrl().get().toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        return "";
    }
}
