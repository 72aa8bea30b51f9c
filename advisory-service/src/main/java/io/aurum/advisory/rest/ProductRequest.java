package io.aurum.advisory.rest;

import io.aurum.common.web.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A product as a partner or ops submits it (create and full replace). */
@Schema(description = "A product on the shelf as submitted")
public record ProductRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "3–40 capital letters, digits and dashes")
        @Schema(example = "PF-EVG-BOND-01") String code,
        @NotBlank @Size(max = 200) @Schema(example = "常青稳健债券私募") String nameZh,
        @NotBlank @Size(max = 200) @Schema(example = "Evergreen steady bond fund") String nameEn,
        @NotBlank @Schema(description = "DEPOSIT, WEALTH_MANAGEMENT, MUTUAL_FUND, BOND, INSURANCE, TRUST, PRIVATE_FUND, STRUCTURED or GOLD",
                example = "PRIVATE_FUND") String type,
        @NotBlank @Pattern(regexp = "R[1-5]", message = "must be R1 to R5") @Schema(example = "R3") String riskRating,
        @NotBlank @Schema(description = "CASH, FIXED_INCOME, EQUITY, ALTERNATIVE or INSURANCE", example = "FIXED_INCOME")
        String assetClass,
        @NotNull @Schema(description = "Minimum investment with its currency (the product's currency)") Money minInvestment,
        @Min(0) @Max(36500) int lockupDays,
        @Schema(description = "ISO date; null for open-ended products") LocalDate maturityDate,
        @NotBlank @Size(max = 200) @Schema(example = "Evergreen Asset Management") String issuer,
        boolean qualifiedInvestorOnly,
        boolean privateProduct,
        @DecimalMin("-1") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
        @Schema(description = "Expected annual yield, low end, as a fraction", example = "0.0350") BigDecimal expectedYieldLow,
        @DecimalMin("-1") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
        @Schema(description = "Expected annual yield, high end, as a fraction", example = "0.0500") BigDecimal expectedYieldHigh,
        @Size(max = 2000) String description) {
}
