package io.aurum.risk.suitability;

import io.aurum.risk.domain.RiskLevel;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The bank's suitability settings (configuration, never code): conflict policy, concentration caps,
 * the elderly rule, cooling-off and the qualified-investor bar.
 */
public record SuitabilityPolicy(
        ConflictPolicy conflictPolicy,
        BigDecimal singleProductCap,
        Map<RiskLevel, BigDecimal> highRiskShareCap,
        int elderlyAge,
        int elderlyMinRating,
        Duration coolingOff,
        BigDecimal qualifiedHouseholdNetFinancialAssets,
        BigDecimal qualifiedFinancialAssets,
        BigDecimal qualifiedAverageIncome) {

    /** The product brief's defaults. */
    public static SuitabilityPolicy defaults(ConflictPolicy conflictPolicy) {
        return new SuitabilityPolicy(conflictPolicy, new BigDecimal("0.30"),
                Map.of(RiskLevel.C1, BigDecimal.ZERO, RiskLevel.C2, BigDecimal.ZERO, RiskLevel.C3, new BigDecimal("0.20"),
                        RiskLevel.C4, new BigDecimal("0.50"), RiskLevel.C5, new BigDecimal("0.80")),
                65, 4, Duration.ofHours(24),
                new BigDecimal("3000000"), new BigDecimal("5000000"), new BigDecimal("400000"));
    }
}
