package io.aurum.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.common.problem.Problem;
import io.aurum.common.web.CorrelationId;
import io.aurum.gateway.config.GatewayConfig;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * The reverse proxy: authenticates the bearer token (Keycloak: issuer, signature, expiry, audience) before
 * anything reaches a service, then streams the request to the upstream with vertx-http-proxy, relaying the
 * token and a correlation id. Hop-by-hop headers are dropped by the proxy library.
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    private static final String REFUSED = "The bearer token was refused (expired, tampered, wrong issuer or audience)";

    private final GatewayConfig config;
    private final ObjectMapper mapper;

    public GatewayProxy(GatewayConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setMaxPoolSize(100)
                .setKeepAlive(true));
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            GatewayConfig.Route route = entry.getValue();
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(port(route), route.upstream().getHost())
                    .addInterceptor(new ForwardingHeaders());
            router.route(route.prefix() + "/*").order(10).handler(ctx -> authenticateThenProxy(ctx, proxy));
            LOG.infof("Route %s: %s/** -> %s", entry.getKey(), route.prefix(), route.upstream());
        }
        // A refused token can also surface as a routing failure (Quarkus fails the context when the deferred
        // identity cannot be built); answer it with the same problem+json.
        router.route().order(-100).failureHandler(ctx -> {
            if (isAuthenticationFailure(ctx.failure()) && !ctx.response().headWritten()) {
                unauthenticated(ctx, CorrelationId.acceptOrCreate(ctx.request().getHeader(CorrelationId.HEADER)), REFUSED);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        return failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException;
    }

    private void authenticateThenProxy(RoutingContext ctx, HttpProxy proxy) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String correlationId = CorrelationId.acceptOrCreate(request.getHeader(CorrelationId.HEADER));
        request.headers().set(CorrelationId.HEADER, correlationId);
        Context context = Vertx.currentContext();
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        identity.subscribe().with(
                who -> context.runOnContext(v -> {
                    if (who == null || who.isAnonymous()) {
                        unauthenticated(ctx, correlationId, "A valid bearer token is required");
                    } else {
                        proxy.handle(request);
                    }
                }),
                failure -> context.runOnContext(v -> {
                    if (!ctx.response().headWritten()) {
                        unauthenticated(ctx, correlationId, REFUSED);
                    }
                }));
    }

    private void unauthenticated(RoutingContext ctx, String correlationId, String detail) {
        Problem problem = new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401, detail,
                ctx.request().path(), correlationId, List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":401}";
        }
        ctx.request().resume();
        ctx.response().setStatusCode(401)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"aurum\"")
                .putHeader(CorrelationId.HEADER, correlationId)
                .end(body);
    }

    private static int port(GatewayConfig.Route route) {
        int port = route.upstream().getPort();
        return port > 0 ? port : ("https".equals(route.upstream().getScheme()) ? 443 : 80);
    }

    /** Tells the upstream who forwarded the request and returns the correlation id to the caller. */
    private static final class ForwardingHeaders implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var proxied = context.request();
            var original = proxied.proxiedRequest();
            proxied.headers().set("X-Forwarded-Proto", original.scheme() == null ? "http" : original.scheme());
            if (original.remoteAddress() != null) {
                proxied.headers().set("X-Forwarded-For", original.remoteAddress().hostAddress());
            }
            if (original.authority() != null) {
                proxied.headers().set("X-Forwarded-Host", original.authority().toString());
            }
            return context.sendRequest();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String correlationId = context.request().headers().get(CorrelationId.HEADER);
            if (correlationId != null) {
                context.response().headers().set(CorrelationId.HEADER, correlationId);
            }
            return context.sendResponse();
        }
    }
}
