package io.aurum.engagement.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Column values of native queries, whatever type Hibernate or the driver hands back for them. */
public final class NativeValues {

    private NativeValues() {
    }

    public static LocalDate date(Object v) {
        return v == null ? null : v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }

    public static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) v).toInstant();
    }

    public static java.math.BigDecimal decimal(Object v) {
        return v == null ? java.math.BigDecimal.ZERO : v instanceof java.math.BigDecimal b ? b : new java.math.BigDecimal(v.toString());
    }

    public static long whole(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }
}
