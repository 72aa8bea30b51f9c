package io.aurum.advisory.risk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * risk-service's answer (its SuitabilityResult); unknown fields are ignored so risk-service may add some.
 *
 * @param binding whether risk-service decided on these attributes as the bank's (true for advisory-service's calls);
 *                null from a risk-service that does not say
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SuitabilityAnswer(String overall, List<LineAnswer> lines, Instant coolingOffEndsAt, Boolean binding) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String code, String severity, String textZh, String textEn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LineAnswer(int line, String productId, String verdict, List<Reason> reasons,
                             boolean requiresComplianceApproval, UUID exceptionId) {
    }

    /** Verdicts that stop a proposal from being presented: refused, or nothing could be checked. */
    public static boolean blocks(String verdict) {
        return "UNSUITABLE".equals(verdict) || "NOT_ASSESSED".equals(verdict);
    }
}
