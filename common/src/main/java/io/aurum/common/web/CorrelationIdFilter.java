package io.aurum.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Accepts or creates {@code X-Correlation-Id} for every request and returns it on the response. Behind the gateway
 * the id is the gateway's own; what the caller called its request arrives as {@code X-Caller-Reference} and is kept
 * beside it in the log lines (never as the id the audit trail records).
 */
public class CorrelationIdFilter {

    private static final String PROPERTY = "aurum.correlationId";
    public static final String CALLER_REFERENCE_HEADER = "X-Caller-Reference";
    public static final String CALLER_REFERENCE_MDC_KEY = "callerReference";

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String id = CorrelationId.acceptOrCreate(request.getHeaderString(CorrelationId.HEADER));
        request.setProperty(PROPERTY, id);
        CorrelationId.set(id);
        String reference = CorrelationId.acceptedOrNull(request.getHeaderString(CALLER_REFERENCE_HEADER));
        if (reference == null) {
            org.jboss.logging.MDC.remove(CALLER_REFERENCE_MDC_KEY);
        } else {
            org.jboss.logging.MDC.put(CALLER_REFERENCE_MDC_KEY, reference);
        }
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, id.toString());
        }
    }
}
