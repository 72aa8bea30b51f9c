package io.aurum.risk.suitability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record SuitabilityResult(Verdict overall, List<LineResult> lines, Instant coolingOffEndsAt) {

    public enum Severity { INFO, ACKNOWLEDGE, BLOCK, NOT_ASSESSED }

    public record Reason(ReasonCode code, Severity severity, String textZh, String textEn) {
        static Reason of(ReasonCode code, Severity severity) {
            return new Reason(code, severity, code.textZh(), code.textEn());
        }
    }

    /**
     * @param requiresComplianceApproval the line can go ahead only as an approved suitability exception
     * @param exceptionId                the approved exception this line relies on, if any
     */
    public record LineResult(int line, String productId, Verdict verdict, List<Reason> reasons,
                             boolean requiresComplianceApproval, UUID exceptionId) {
    }
}
