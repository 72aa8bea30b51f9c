package io.aurum.client.aum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Rates to CNY by currency and day. A position is converted at its day's rate; on a day without one (weekend,
 * holiday) the latest earlier rate up to {@link #MAX_STALE_DAYS} days old is used.
 */
public record FxTable(Map<String, NavigableMap<LocalDate, BigDecimal>> rates) {

    public static final int MAX_STALE_DAYS = 7;

    public BigDecimal rate(String currency, LocalDate day) {
        if ("CNY".equals(currency)) {
            return BigDecimal.ONE;
        }
        NavigableMap<LocalDate, BigDecimal> byDay = rates.get(currency);
        if (byDay == null) {
            return null;
        }
        Map.Entry<LocalDate, BigDecimal> entry = byDay.floorEntry(day);
        if (entry == null || entry.getKey().isBefore(day.minusDays(MAX_STALE_DAYS))) {
            return null;
        }
        return entry.getValue();
    }
}
