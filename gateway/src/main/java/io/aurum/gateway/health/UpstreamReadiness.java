package io.aurum.gateway.health;

import io.aurum.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway is ready when every upstream answers its liveness endpoint. Probed in the background every few
 * seconds, so a readiness call never waits on a slow upstream.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Boolean> reachable = new ConcurrentHashMap<>();

    public UpstreamReadiness(GatewayConfig config) {
        this.config = config;
    }

    @Scheduled(every = "${aurum.gateway.upstream-probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        config.routes().forEach((name, route) -> reachable.put(name, answers(route.upstream())));
    }

    private boolean answers(URI upstream) {
        try {
            HttpRequest request = HttpRequest.newBuilder(upstream.resolve("/q/health/live")).timeout(Duration.ofSeconds(1)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
        boolean allUp = !config.routes().isEmpty();
        for (String name : config.routes().keySet()) {
            Boolean up = reachable.get(name);
            builder.withData(name, up == null ? "not probed yet" : (up ? "UP" : "DOWN"));
            allUp &= Boolean.TRUE.equals(up);
        }
        return builder.status(allUp).build();
    }
}
