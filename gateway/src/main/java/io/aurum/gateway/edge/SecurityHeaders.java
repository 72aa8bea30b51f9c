package io.aurum.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Security headers on every answer of the public port — the API, the merged OpenAPI document, refusals, 404s —
 * not only on proxied ones. The API answers JSON that no browser should render, frame or run scripts from:
 * the content security policy allows nothing.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
            "Cross-Origin-Resource-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> addTo(ctx.response().headers()));
            ctx.next();
        });
    }

    /** Adds the headers an answer does not set itself (also for answers written before any route ran). */
    public static void addTo(MultiMap headers) {
        HEADERS.forEach((name, value) -> {
            if (!headers.contains(name)) {
                headers.set(name, value);
            }
        });
    }
}
