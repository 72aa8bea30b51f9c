package io.aurum.risk.suitability;

import io.aurum.risk.domain.RiskLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the check knows about the client, from risk-service's own data: the current profile (level, expiry,
 * stated horizon) and the read model of client events (birth date, AUM in CNY, existing R4/R5 holdings,
 * qualified-investor facts). Unknown facts are null.
 */
public record ClientRiskFacts(
        RiskLevel level,
        Instant validUntil,
        Integer horizonMonths,
        LocalDate birthDate,
        BigDecimal aum,
        BigDecimal existingHighRiskHoldings,
        BigDecimal householdNetFinancialAssets,
        BigDecimal financialAssets,
        BigDecimal averageIncome3y) {
}
