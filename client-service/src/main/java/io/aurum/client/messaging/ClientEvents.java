package io.aurum.client.messaging;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.aurum.client.domain.Client;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Event types and payloads client-service publishes (all v1, documented in docs/events.md). */
public final class ClientEvents {

    public static final String REGISTERED = "ClientRegistered";
    public static final String PROFILE_UPDATED = "ClientProfileUpdated";
    public static final String CLOSED = "ClientClosed";
    public static final String COVERAGE_ASSIGNED = "ClientCoverageAssigned";
    public static final String FINANCIAL_FACTS_UPDATED = "ClientFinancialFactsUpdated";
    public static final String CONSENT_CHANGED = "ClientConsentChanged";
    public static final String TIER_CHANGED = "ClientTierChanged";
    public static final String TIER_DOWNGRADE_APPROACHING = "ClientTierDowngradeApproaching";
    public static final String AUM_CHANGED = "ClientAumChanged";
    public static final String LARGE_OUTFLOW = "LargeOutflowDetected";
    public static final int VERSION = 1;

    private ClientEvents() {
    }

    /** An amount written as a decimal string. */
    @JacksonAnnotationsInside
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @interface Cny {
    }

    /** Amounts in events are decimal strings with two places ("1250000.00"), never floats or exponents. */
    static BigDecimal cny(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Payload of ClientRegistered and ClientProfileUpdated: what other services keep about a client. No encrypted
     * personal data (identity number, phone, e-mail, address) ever leaves client-service in an event.
     */
    public record Profile(UUID clientId, String fullName, String latinName, LocalDate birthDate, String lifecycleStatus,
                          String tier, UUID primaryRmId, UUID advisorId, UUID privateBankerId, String team,
                          String branch, List<String> interestTags, List<String> preferredChannels,
                          LocalTime quietHoursStart, LocalTime quietHoursEnd, boolean erased,
                          // the due-diligence facts (added, still v1: consumers ignore what they do not know); they
                          // change only through an approved change request (maker–checker)
                          String kycStatus, LocalDate kycReviewDate, String amlRiskRating, boolean pep,
                          boolean eddApproved) {

        public static Profile of(Client c) {
            return new Profile(c.id, c.fullName, c.latinName, c.birthDate, c.lifecycleStatus.name(), c.tier.name(),
                    c.primaryRmId, c.advisorId, c.privateBankerId, c.team, c.branch, List.of(c.interestTags),
                    List.of(c.preferredChannels), c.quietHoursStart, c.quietHoursEnd, c.erased(),
                    c.kycStatus == null ? null : c.kycStatus.name(), c.kycReviewDate,
                    c.amlRiskRating == null ? null : c.amlRiskRating.name(), c.pep, c.eddApprovedAt != null);
        }
    }

    public record Closed(UUID clientId, String reason, Instant closedAt, boolean erased) {
    }

    public record CoverageAssigned(UUID clientId, String role, UUID fromUserId, UUID toUserId, String team,
                                   String reason) {
    }

    public record FinancialFacts(UUID clientId, @Cny BigDecimal householdNetFinancialAssets, @Cny BigDecimal financialAssets,
                                 @Cny BigDecimal averageIncome3y) {
        public FinancialFacts {
            householdNetFinancialAssets = cny(householdNetFinancialAssets);
            financialAssets = cny(financialAssets);
            averageIncome3y = cny(averageIncome3y);
        }
    }

    public record ConsentChanged(UUID clientId, String purpose, boolean granted, String channel, Instant at) {
    }

    public record TierChanged(UUID clientId, String fromTier, String toTier, String direction, String rule,
                              @Cny BigDecimal averageAumCny, @Cny BigDecimal thresholdCny, LocalDate asOf, UUID primaryRmId,
                              String team) {
        public TierChanged {
            averageAumCny = cny(averageAumCny);
            thresholdCny = cny(thresholdCny);
        }
    }

    public record TierDowngradeApproaching(UUID clientId, String tier, String wouldBecome, int monthEndsBelow,
                                           int graceMonthEnds, @Cny BigDecimal averageAumCny, LocalDate asOf,
                                           UUID primaryRmId, String team) {
        public TierDowngradeApproaching {
            averageAumCny = cny(averageAumCny);
        }
    }

    public record LargeOutflow(UUID clientId, @Cny BigDecimal fromAumCny, @Cny BigDecimal toAumCny, @Cny BigDecimal outflowCny,
                               @Cny BigDecimal outflowRatio, LocalDate windowStart, LocalDate asOf, UUID primaryRmId,
                               String team, String tier) {
        public LargeOutflow {
            fromAumCny = cny(fromAumCny);
            toAumCny = cny(toAumCny);
            outflowCny = cny(outflowCny);
        }
    }
}
