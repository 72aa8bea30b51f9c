package io.aurum.risk.rest;

import io.aurum.risk.suitability.SuitabilityResult;
import io.aurum.risk.suitability.Verdict;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The answer of {@code POST /api/risk/suitability-checks}: the verdicts, and whether they bind. */
public record SuitabilityCheckAnswer(
        @Schema(description = "The worst line's verdict") Verdict overall,
        List<SuitabilityResult.LineResult> lines,
        @Schema(description = "When a private product's cooling-off would end, if the proposal were accepted now") Instant coolingOffEndsAt,
        @Schema(description = "true only when the product attributes came from the shelf (advisory-service's service token): "
                + "advice may rely on it. false: a what-if on the attributes the caller typed, never a ground for a sale; the "
                + "binding check is POST /api/advice/suitability-checks")
        boolean binding) {

    public static SuitabilityCheckAnswer of(SuitabilityResult result, boolean binding) {
        return new SuitabilityCheckAnswer(result.overall(), result.lines(), result.coolingOffEndsAt(), binding);
    }
}
