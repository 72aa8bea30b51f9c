package io.aurum.client.rest;

import io.aurum.client.domain.Client;
import io.aurum.client.service.ClientPii;
import io.aurum.common.pii.Masking;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "A client profile. Identity number, phone, e-mail and address are masked unless piiMasked is false.")
public record ClientView(UUID id, String fullName, String latinName, LocalDate birthDate, String gender,
                         String nationality, String idType, String identityNumber, String phone, String email,
                         String address, boolean piiMasked, String occupation, String employer, String sourceOfWealth,
                         List<String> interestTags, List<String> preferredChannels, LocalTime quietHoursStart,
                         LocalTime quietHoursEnd, String branch, String kycStatus, LocalDate kycReviewDate,
                         String amlRiskRating, boolean pep, String prospectSource, String prospectSourceDetail,
                         UUID referredBy, String lifecycleStatus, String tier, UUID primaryRmId, UUID advisorId,
                         UUID privateBankerId, String team, UUID householdId,
                         BigDecimal householdNetFinancialAssets, BigDecimal financialAssets,
                         BigDecimal averageIncome3y, BigDecimal aumCny, LocalDate aumAsOf, BigDecimal averageAumCny,
                         Instant createdAt, Instant updatedAt, Instant convertedAt, Instant closedAt, Instant erasedAt,
                         long version) {

    /** @param pii the opened personal data, or null when the caller gets the masked view */
    public static ClientView of(Client c, ClientPii.Plain pii, boolean masked) {
        ClientPii.Plain p = pii == null ? ClientPii.Plain.EMPTY : pii;
        return new ClientView(c.id, c.fullName, c.latinName, c.birthDate, name(c.gender), c.nationality,
                name(c.idType),
                masked ? Masking.identityNumber(p.identityNumber()) : p.identityNumber(),
                masked ? Masking.phone(p.phone()) : p.phone(),
                masked ? Masking.email(p.email()) : p.email(),
                masked ? Masking.address(p.address()) : p.address(),
                masked, name(c.occupation), c.employer, c.sourceOfWealth, List.of(c.interestTags),
                List.of(c.preferredChannels), c.quietHoursStart, c.quietHoursEnd, c.branch, name(c.kycStatus),
                c.kycReviewDate, name(c.amlRiskRating), c.pep, name(c.prospectSource), c.prospectSourceDetail,
                c.referredBy, c.lifecycleStatus.name(), c.tier.name(), c.primaryRmId, c.advisorId, c.privateBankerId,
                c.team, c.householdId, c.householdNetFinancialAssets, c.financialAssets, c.averageIncome3y, c.aumCny,
                c.aumAsOf, c.averageAumCny, c.createdAt, c.updatedAt, c.convertedAt, c.closedAt, c.erasedAt,
                c.version);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
