package io.aurum.risk.suitability;

import io.aurum.risk.suitability.SuitabilityResult.LineResult;
import io.aurum.risk.suitability.SuitabilityResult.Reason;
import io.aurum.risk.suitability.SuitabilityResult.Severity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The suitability rules of the product brief as one pure function: client facts, product lines, the bank's
 * policy and the moment of the check in; a verdict per line and overall, with reasons, out.
 */
public final class SuitabilityCheck {

    private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    private SuitabilityCheck() {
    }

    public static SuitabilityResult check(ClientRiskFacts client, List<ProductLine> lines, SuitabilityPolicy policy,
                                          Instant now) {
        return check(client, lines, policy, now, Map.of());
    }

    /**
     * @param approvedExceptions product id → id of the client's approved suitability exception for it; honoured
     *                           only under the ACKNOWLEDGED policy, where it turns "risk above level" into a
     *                           recorded, approved exception
     */
    public static SuitabilityResult check(ClientRiskFacts client, List<ProductLine> lines, SuitabilityPolicy policy,
                                          Instant now, Map<String, UUID> approvedExceptions) {
        if (client.level() == null || client.validUntil() == null || !client.validUntil().isAfter(now)) {
            ReasonCode code = client.level() == null ? ReasonCode.PROFILE_MISSING : ReasonCode.PROFILE_EXPIRED;
            List<LineResult> results = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                results.add(new LineResult(i, lines.get(i).productId(), Verdict.NOT_ASSESSED,
                        List.of(Reason.of(code, Severity.NOT_ASSESSED)), false, null));
            }
            return new SuitabilityResult(Verdict.NOT_ASSESSED, results, null);
        }
        // concentration is measured against the client's assets after the purchase; unknown AUM: not measured
        BigDecimal proposed = lines.stream().map(ProductLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal base = client.aum() == null ? BigDecimal.ZERO : client.aum().add(proposed);
        BigDecimal highRisk = (client.existingHighRiskHoldings() == null ? BigDecimal.ZERO : client.existingHighRiskHoldings())
                .add(lines.stream().filter(l -> l.riskRating() >= 4).map(ProductLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        boolean highRiskOverCap = highRisk.signum() > 0
                && exceeds(highRisk, policy.highRiskShareCap().getOrDefault(client.level(), BigDecimal.ZERO), base);
        Integer age = client.birthDate() == null ? null
                : Period.between(client.birthDate(), LocalDate.ofInstant(now, BANK_ZONE)).getYears();
        boolean qualified = isQualifiedInvestor(client, policy);

        List<LineResult> results = new ArrayList<>();
        Verdict overall = Verdict.SUITABLE;
        boolean anyPrivate = false;
        for (int i = 0; i < lines.size(); i++) {
            ProductLine line = lines.get(i);
            List<Reason> reasons = new ArrayList<>();
            boolean needsCompliance = false;
            UUID exceptionId = null;
            if (line.riskRating() < 1 || line.riskRating() > 5) {
                reasons.add(Reason.of(ReasonCode.INVALID_RATING, Severity.BLOCK));
            } else {
                if (!client.level().mayBuy(line.riskRating())) {
                    if (policy.conflictPolicy() == ConflictPolicy.STRICT) {
                        reasons.add(Reason.of(ReasonCode.RISK_ABOVE_LEVEL, Severity.BLOCK));
                    } else if (approvedExceptions.containsKey(line.productId())) {
                        exceptionId = approvedExceptions.get(line.productId());
                        reasons.add(Reason.of(ReasonCode.EXCEPTION_APPROVED, Severity.INFO));
                    } else {
                        reasons.add(Reason.of(ReasonCode.RISK_ABOVE_LEVEL, Severity.ACKNOWLEDGE));
                        needsCompliance = true;
                    }
                }
                if (age != null && age >= policy.elderlyAge() && line.riskRating() >= policy.elderlyMinRating()) {
                    reasons.add(Reason.of(ReasonCode.ELDERLY_HIGH_RISK, Severity.ACKNOWLEDGE));
                }
                if (line.riskRating() >= 4 && highRiskOverCap) {
                    reasons.add(Reason.of(ReasonCode.CONCENTRATION_HIGH_RISK, Severity.ACKNOWLEDGE));
                }
            }
            if (exceeds(line.amount(), policy.singleProductCap(), base)) {
                reasons.add(Reason.of(ReasonCode.CONCENTRATION_SINGLE_PRODUCT, Severity.ACKNOWLEDGE));
            }
            if (client.aum() == null) {
                reasons.add(Reason.of(ReasonCode.AUM_UNKNOWN, Severity.INFO));
            }
            if (line.lockupDays() > 0) {
                if (client.horizonMonths() == null) {
                    reasons.add(Reason.of(ReasonCode.HORIZON_UNKNOWN, Severity.INFO));
                } else if (line.lockupDays() > client.horizonMonths() * 30L + 5) {
                    reasons.add(Reason.of(ReasonCode.LOCKUP_EXCEEDS_HORIZON, Severity.ACKNOWLEDGE));
                }
            }
            if (line.qualifiedInvestorOnly() && !qualified) {
                reasons.add(Reason.of(ReasonCode.QUALIFIED_INVESTOR_REQUIRED, Severity.BLOCK));
            }
            if (line.privateProduct()) {
                anyPrivate = true;
                reasons.add(Reason.of(ReasonCode.COOLING_OFF_APPLIES, Severity.INFO));
            }
            Verdict verdict = verdictOf(reasons);
            overall = overall.worse(verdict);
            results.add(new LineResult(i, line.productId(), verdict, List.copyOf(reasons), needsCompliance, exceptionId));
        }
        return new SuitabilityResult(overall, results, anyPrivate ? now.plus(policy.coolingOff()) : null);
    }

    /** Household net financial assets, or financial assets, or average income over three years at or above the bar. */
    public static boolean isQualifiedInvestor(ClientRiskFacts client, SuitabilityPolicy policy) {
        return atLeast(client.householdNetFinancialAssets(), policy.qualifiedHouseholdNetFinancialAssets())
                || atLeast(client.financialAssets(), policy.qualifiedFinancialAssets())
                || atLeast(client.averageIncome3y(), policy.qualifiedAverageIncome());
    }

    private static boolean atLeast(BigDecimal value, BigDecimal bar) {
        return value != null && value.compareTo(bar) >= 0;
    }

    /** part > cap × whole, exactly (no rounding of a share). */
    private static boolean exceeds(BigDecimal part, BigDecimal cap, BigDecimal whole) {
        return whole.signum() > 0 && part.compareTo(cap.multiply(whole)) > 0;
    }

    private static Verdict verdictOf(List<Reason> reasons) {
        Verdict verdict = Verdict.SUITABLE;
        for (Reason reason : reasons) {
            verdict = verdict.worse(switch (reason.severity()) {
                case INFO -> Verdict.SUITABLE;
                case ACKNOWLEDGE -> Verdict.REQUIRES_ACKNOWLEDGEMENT;
                case BLOCK -> Verdict.UNSUITABLE;
                case NOT_ASSESSED -> Verdict.NOT_ASSESSED;
            });
        }
        return verdict;
    }
}
