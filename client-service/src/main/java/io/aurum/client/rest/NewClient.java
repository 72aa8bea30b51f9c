package io.aurum.client.rest;

import io.aurum.client.domain.AmlRiskRating;
import io.aurum.client.domain.ContactChannel;
import io.aurum.client.domain.Gender;
import io.aurum.client.domain.IdType;
import io.aurum.client.domain.KycStatus;
import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.domain.Occupation;
import io.aurum.client.domain.ProspectSource;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A client profile as written by staff: the body of a registration, and (as a JSON merge patch of it) of an
 * update. Identity number, phone, e-mail and address are encrypted before they are stored.
 */
@Schema(description = "A client or prospect profile")
public record NewClient(
        @NotBlank @Size(max = 200) @Schema(example = "刘洋") String fullName,
        @Size(max = 200) @Schema(example = "LIU Yang") String latinName,
        @Past @Schema(example = "1968-04-12") LocalDate birthDate,
        Gender gender,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code such as CN")
        @Schema(example = "CN") String nationality,
        @Schema(description = "Defaults to PRC_ID when an identity number is given") IdType idType,
        @Size(max = 40) @Schema(description = "Encrypted at rest; a PRC_ID is checksum-validated",
                example = "11010519491231002X") String identityNumber,
        @Pattern(regexp = PHONE, message = PHONE_MESSAGE)
        @Schema(example = "+86 138 0013 8000") String phone,
        @Email @Size(max = 200) @Schema(example = "liu.yang@example.cn") String email,
        @Size(max = 500) String address,
        Occupation occupation,
        @Size(max = 200) String employer,
        @Size(max = 500) String sourceOfWealth,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,29}",
                message = "tags are lower-case words or dashes, up to 30 characters") String> interestTags,
        @Size(max = 7) List<@NotNull ContactChannel> preferredChannels,
        @Schema(example = "22:00") LocalTime quietHoursStart,
        @Schema(example = "08:00") LocalTime quietHoursEnd,
        @Size(max = 64) String branch,
        KycStatus kycStatus,
        LocalDate kycReviewDate,
        AmlRiskRating amlRiskRating,
        Boolean pep,
        ProspectSource prospectSource,
        @Size(max = 200) String prospectSourceDetail,
        @Schema(description = "The client who referred this one (creates a REFERRED link)") UUID referredBy,
        @DecimalMin("0") @Digits(integer = 18, fraction = 2) BigDecimal householdNetFinancialAssets,
        @DecimalMin("0") @Digits(integer = 18, fraction = 2) BigDecimal financialAssets,
        @DecimalMin("0") @Digits(integer = 18, fraction = 2) BigDecimal averageIncome3y,
        @Schema(description = "PROSPECT (default) or ACTIVE; only at registration") LifecycleStatus lifecycleStatus,
        @Schema(description = "Primary RM; defaults to the calling RM; only at registration") UUID primaryRmId,
        @Schema(description = "Assigned investment advisor; only at registration") UUID advisorId) {

    /** A phone number as profiles and referrals take it. */
    public static final String PHONE = "\\+?[0-9][0-9 -]{5,19}";
    public static final String PHONE_MESSAGE = "must be a phone number (digits, spaces, dashes, optional +)";

    /** Just a name (and the coverage): what the demo data and quick registrations need. */
    public static NewClient minimal(String fullName, String latinName, LocalDate birthDate, LifecycleStatus status,
                                    UUID primaryRmId, UUID advisorId) {
        return new NewClient(fullName, latinName, birthDate, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                status, primaryRmId, advisorId);
    }
}
