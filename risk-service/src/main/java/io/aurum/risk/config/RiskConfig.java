package io.aurum.risk.config;

import io.aurum.risk.domain.RiskLevel;
import io.aurum.risk.suitability.ConflictPolicy;
import io.aurum.risk.suitability.SuitabilityPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** risk-service settings; every default is the product brief's and every one can be changed per bank. */
@ConfigMapping(prefix = "aurum.risk")
public interface RiskConfig {

    /** The questionnaire clients answer (its published version). */
    @WithDefault("CN-STD")
    String questionnaireCode();

    /** How long an assessment stays valid. */
    @WithDefault("P12M")
    Period validity();

    /** How long before expiry RiskProfileExpiring is raised. */
    @WithDefault("P30D")
    Period reminderBeforeExpiry();

    Suitability suitability();

    interface Suitability {
        /** STRICT (refuse, suggest reassessment) or ACKNOWLEDGED (client acknowledgement + compliance approval). */
        @WithDefault("STRICT")
        ConflictPolicy conflictPolicy();

        /** Largest share of the client's assets in one product. */
        @WithDefault("0.30")
        BigDecimal singleProductCap();

        /** Largest share of R4 and R5 products for C1, C2, C3, C4 and C5, in that order. */
        @WithDefault("0,0,0.20,0.50,0.80")
        List<BigDecimal> highRiskShareCaps();

        @WithDefault("65")
        int elderlyAge();

        /** Ratings from which the elderly rule applies (R4). */
        @WithDefault("4")
        int elderlyMinRating();

        @WithDefault("PT24H")
        Duration coolingOff();

        @WithDefault("3000000")
        BigDecimal qualifiedHouseholdNetFinancialAssets();

        /**
         * The service accounts (Keycloak client ids, role internal-service) whose product attributes are believed for a
         * binding check, because they take them from the shelf; any other caller gets a what-if (binding: false).
         */
        @WithDefault("advisory-service")
        Set<String> bindingCallers();

        @WithDefault("5000000")
        BigDecimal qualifiedFinancialAssets();

        @WithDefault("400000")
        BigDecimal qualifiedAverageIncome();

        default SuitabilityPolicy policy() {
            Map<RiskLevel, BigDecimal> caps = new EnumMap<>(RiskLevel.class);
            for (RiskLevel level : RiskLevel.values()) {
                caps.put(level, highRiskShareCaps().get(level.ordinal()));
            }
            return new SuitabilityPolicy(conflictPolicy(), singleProductCap(), caps,
                    elderlyAge(), elderlyMinRating(), coolingOff(), qualifiedHouseholdNetFinancialAssets(),
                    qualifiedFinancialAssets(), qualifiedAverageIncome());
        }
    }
}
