package io.aurum.advisory.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.aurum.advisory.domain.Product;
import io.aurum.common.web.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record ProductView(UUID id, String code, String nameZh, String nameEn, String type, String riskRating,
                          String assetClass, Money minInvestment, int lockupDays, LocalDate maturityDate, String issuer,
                          boolean qualifiedInvestorOnly, boolean privateProduct,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedYieldLow,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedYieldHigh,
                          String status, String statusReason, String partnerId, String description, long version) {

    public static ProductView of(Product p) {
        return new ProductView(p.id, p.code, p.nameZh, p.nameEn, p.type.name(), "R" + p.riskRating, p.assetClass.name(),
                Money.of(p.minInvestment, p.currency), p.lockupDays, p.maturityDate, p.issuer, p.qualifiedInvestorOnly,
                p.privateProduct, p.expectedYieldLow, p.expectedYieldHigh, p.status.name(), p.statusReason, p.partnerId,
                p.description, p.version);
    }
}
