package io.aurum.common.web;

import io.aurum.common.problem.ApiException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses path and query parameters so that a bad value is a 400 naming the parameter — JAX-RS would answer
 * 404 for an unconvertible query parameter, which tells the caller nothing.
 */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ApiException.badField(field, "must be one of " + allowed);
        }
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badField(field, "must be a UUID");
        }
    }

    /** true or false; absent or blank is false. */
    public static boolean bool(String field, String value) {
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(value.strip())) {
            return true;
        }
        throw ApiException.badField(field, "must be true or false");
    }

    /** A non-negative amount within {@link InputRules#decimal(String)}'s bounds; null when absent. */
    public static BigDecimal amount(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = InputRules.decimal(value);
        } catch (InputRules.Refused e) {
            amount = null;
        }
        if (amount == null || amount.signum() < 0) {
            throw ApiException.badField(field, "must be a non-negative amount with at most " + InputRules.MAX_INTEGER_DIGITS
                    + " digits before and " + InputRules.MAX_FRACTION_DIGITS + " after the point");
        }
        return amount;
    }

    /** An ISO date (YYYY-MM-DD) within {@link InputRules}' range; the fallback when absent. */
    public static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return InputRules.date(value);
        } catch (InputRules.Refused e) {
            throw ApiException.badField(field, e.getMessage());
        }
    }

    /** A month (YYYY-MM) between 2000 and 2100; the fallback when absent. */
    public static YearMonth month(String field, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw ApiException.badField(field, "must be a month between 2000-01 and 2100-12");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "must be a month (YYYY-MM)");
        }
    }

    /** An ISO-8601 date and time with its offset, within {@link InputRules}' range; null when absent. */
    public static Instant instant(String field, String value) {
        return instant(field, value, null);
    }

    /** Like {@link #instant(String, String)}, with a fallback when absent. */
    public static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return InputRules.instant(value);
        } catch (InputRules.Refused e) {
            throw ApiException.badField(field, e.getMessage());
        }
    }

    /**
     * The version an {@code If-Match} header names (ETags are the quoted version, weak or strong); null when the
     * header is absent.
     */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        try {
            return Long.valueOf(v.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badField("If-Match", "must be the ETag read before, e.g. \"3\"");
        }
    }

    /** Like {@link #ifMatch} but the header is required: 428 without it. */
    public static long requiredIfMatch(String header) {
        Long v = ifMatch(header);
        if (v == null) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of the resource you read, so that concurrent changes are not lost");
        }
        return v;
    }
}
