package io.aurum.client.aum;

import io.aurum.client.domain.AssetClass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** One validated position of a daily snapshot, in its own currency and in CNY. */
public record PositionRow(LocalDate asOf, UUID clientId, String productCode, AssetClass assetClass, String currency,
                          BigDecimal amount, BigDecimal amountCny, Integer riskRating) {

    /** A row that failed validation: the field and why. */
    public static final class Invalid extends Exception {
        private final String field;

        public Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static final Pattern PRODUCT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000000"); // 10^18

    /** Validates the raw values of one position (from a CSV line, a JSON line or a Kafka message). */
    public static PositionRow parse(String asOf, String clientId, String productCode, String assetClass, String currency,
                                    String amount, String riskRating, FxTable rates) throws Invalid {
        LocalDate day;
        try {
            day = LocalDate.parse(required("asOf", asOf));
        } catch (DateTimeParseException e) {
            throw new Invalid("asOf", "is not a date (YYYY-MM-DD)");
        }
        if (day.isAfter(LocalDate.now().plusDays(1))) {
            throw new Invalid("asOf", "is in the future");
        }
        UUID client;
        try {
            client = UUID.fromString(required("clientId", clientId));
        } catch (IllegalArgumentException e) {
            throw new Invalid("clientId", "is not a UUID");
        }
        String product = required("productCode", productCode);
        if (!PRODUCT.matcher(product).matches()) {
            throw new Invalid("productCode", "must be 1-64 letters, digits, dots, dashes or underscores");
        }
        AssetClass cls;
        try {
            cls = AssetClass.valueOf(required("assetClass", assetClass));
        } catch (IllegalArgumentException e) {
            throw new Invalid("assetClass", "must be one of CASH, FIXED_INCOME, EQUITY, ALTERNATIVE, INSURANCE");
        }
        String ccy = required("currency", currency);
        if (!CURRENCY.matcher(ccy).matches()) {
            throw new Invalid("currency", "must be an ISO 4217 code such as CNY");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(required("amount", amount));
        } catch (NumberFormatException e) {
            throw new Invalid("amount", "is not a number");
        }
        if (value.signum() < 0) {
            throw new Invalid("amount", "must not be negative");
        }
        if (value.compareTo(MAX_AMOUNT) >= 0) {
            throw new Invalid("amount", "is too large");
        }
        value = value.setScale(2, RoundingMode.HALF_UP);
        Integer risk = null;
        if (riskRating != null && !riskRating.isBlank()) {
            try {
                risk = Integer.valueOf(riskRating.strip());
            } catch (NumberFormatException e) {
                throw new Invalid("riskRating", "must be 1 to 5");
            }
            if (risk < 1 || risk > 5) {
                throw new Invalid("riskRating", "must be 1 to 5");
            }
        }
        BigDecimal rate = rates.rate(ccy, day);
        if (rate == null) {
            throw new Invalid("currency", "no CNY rate for " + ccy + " on or up to " + FxTable.MAX_STALE_DAYS
                    + " days before " + day + "; upload the day's rates first");
        }
        return new PositionRow(day, client, product, cls, ccy, value, value.multiply(rate).setScale(2, RoundingMode.HALF_UP), risk);
    }

    private static String required(String field, String value) throws Invalid {
        if (value == null || value.isBlank()) {
            throw new Invalid(field, "is required");
        }
        return value.strip();
    }

    /** The row in PostgreSQL COPY text format (every field is already restricted to safe characters). */
    String copyLine(UUID jobId, long rowNo) {
        return jobId + "\t" + rowNo + "\t" + asOf + "\t" + clientId + "\t" + productCode + "\t" + assetClass.name()
                + "\t" + currency + "\t" + amount.toPlainString() + "\t" + amountCny.toPlainString() + "\t"
                + (riskRating == null ? "\\N" : riskRating.toString()) + "\n";
    }
}
