package io.aurum.risk.suitability;

import java.math.BigDecimal;

/** A product snapshot as proposed to the client, with the amount (CNY) to invest in it. */
public record ProductLine(String productId, int riskRating, String assetClass, int lockupDays,
                          boolean qualifiedInvestorOnly, boolean privateProduct, BigDecimal amount) {
}
