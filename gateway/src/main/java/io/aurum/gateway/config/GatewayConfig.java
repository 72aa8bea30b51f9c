package io.aurum.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

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

    interface Route {
        /** Path prefix, e.g. {@code /api/clients}; the request path is forwarded unchanged. */
        String prefix();

        /** Base URL of the upstream, e.g. {@code http://client-service:8080}. */
        URI upstream();
    }
}
