package io.aurum.advisory.risk;

import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The one way advisory-service asks risk-service about suitability: 2-second timeout per attempt, two retries on
 * transport errors and 5xx (never on 4xx, which are answers), and a circuit breaker that stops calling a risk-service
 * that keeps failing. Whatever goes wrong becomes a 503 problem saying risk-service cannot check suitability now, so
 * the caller's transaction rolls back and nothing is half-saved.
 */
@ApplicationScoped
public class SuitabilityChecks {

    private static final Logger LOG = Logger.getLogger(SuitabilityChecks.class);

    /** Thrown inside the fault-tolerant call for answers worth retrying. */
    static class RiskServiceFailure extends RuntimeException {
        RiskServiceFailure(String message) {
            super(message);
        }
    }

    /** A 4xx from risk-service: an answer, not a failure; never retried. */
    static class RiskServiceRefusal extends RuntimeException {
        final int status;

        RiskServiceRefusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final FaultTolerantCall call;

    public SuitabilityChecks(FaultTolerantCall call) {
        this.call = call;
    }

    public SuitabilityAnswer check(RiskServiceClient.CheckRequest request) {
        SuitabilityAnswer answer;
        try {
            answer = call.check(request);
        } catch (RiskServiceRefusal e) {
            if (e.status == 404) {
                throw ApiException.notFound("Client", request.clientId());
            }
            throw new ApiException(422, "suitability-check-refused", "risk-service refused the check",
                    "risk-service answered " + e.status + ": " + e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            throw unavailable("risk-service has failed repeatedly; checks are paused for a few seconds");
        } catch (TimeoutException e) {
            throw unavailable("risk-service did not answer in time");
        } catch (RiskServiceFailure | ProcessingException e) {
            LOG.warnf("Suitability check failed: %s", e.getMessage());
            throw unavailable("risk-service cannot be reached: " + e.getMessage());
        } catch (RuntimeException e) {
            // e.g. no service token because Keycloak is down: still "cannot check now", never a 500
            LOG.warnf(e, "Suitability check failed");
            throw unavailable("the suitability check could not be made (" + e.getClass().getSimpleName() + ")");
        }
        if (Boolean.FALSE.equals(answer.binding())) {
            // a what-if is no ground for advice: risk-service does not know this service as the shelf's voice
            LOG.warn("risk-service answered a what-if, not a binding check; is advisory-service in aurum.risk.suitability.binding-callers?");
            throw unavailable("risk-service did not treat the check as binding");
        }
        return answer;
    }

    private static ApiException unavailable(String detail) {
        return new ApiException(503, "risk-service-unavailable", "Suitability cannot be checked right now",
                detail + ". Nothing was saved; try again shortly.", List.<FieldError>of());
    }

    /** The guarded call, in its own bean so the fault-tolerance interceptors apply. */
    @ApplicationScoped
    public static class FaultTolerantCall {

        private final RiskServiceClient client;

        public FaultTolerantCall(@RestClient RiskServiceClient client) {
            this.client = client;
        }

        @Timeout(2000)
        @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = {RiskServiceRefusal.class, CircuitBreakerOpenException.class})
        @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, successThreshold = 1,
                skipOn = RiskServiceRefusal.class)
        public SuitabilityAnswer check(RiskServiceClient.CheckRequest request) {
            Response answer;
            try {
                answer = client.check(request);
            } catch (WebApplicationException e) {
                answer = e.getResponse();
            }
            try (Response response = answer) {
                int status = response.getStatus();
                if (status == 200) {
                    return response.readEntity(SuitabilityAnswer.class);
                }
                String body = response.hasEntity() ? response.readEntity(String.class) : "";
                if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 429) {
                    throw new RiskServiceRefusal(status, body.length() > 500 ? body.substring(0, 500) : body);
                }
                throw new RiskServiceFailure("HTTP " + status);
            }
        }
    }
}
