package io.aurum.client.aum;

import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.service.Sql;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Daily exchange rates to CNY: uploaded by operations, used to convert positions. */
@ApplicationScoped
public class FxRates {

    public record Rate(LocalDate date, String currency, BigDecimal rateToCny) {
    }

    private final EntityManager em;
    private final AuditTrail audit;

    public FxRates(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    /** Inserts or replaces rates; all or nothing. */
    @Transactional
    public int upload(List<Rate> rates, Caller caller) {
        if (rates == null || rates.isEmpty()) {
            throw ApiException.badField("body", "send a non-empty JSON array of {date, currency, rateToCny}");
        }
        if (rates.size() > 10_000) {
            throw ApiException.badField("body", "at most 10,000 rates per request");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            Rate r = rates.get(i);
            String at = "[" + i + "]";
            if (r == null) {
                errors.add(new FieldError(at, "is null"));
                continue;
            }
            if (r.date() == null) {
                errors.add(new FieldError(at + ".date", "is required"));
            } else if (r.date().isAfter(LocalDate.now().plusDays(1))) {
                errors.add(new FieldError(at + ".date", "is in the future"));
            }
            if (r.currency() == null || !r.currency().matches("[A-Z]{3}") || "CNY".equals(r.currency())) {
                errors.add(new FieldError(at + ".currency", "must be an ISO 4217 code other than CNY"));
            }
            if (r.rateToCny() == null || r.rateToCny().signum() <= 0 || r.rateToCny().compareTo(new BigDecimal("100000")) > 0
                    || r.rateToCny().scale() > 8) {
                errors.add(new FieldError(at + ".rateToCny", "must be a positive rate with at most 8 decimals"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid input",
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        for (Rate r : rates) {
            em.createNativeQuery("INSERT INTO fx_rate (rate_date, currency, rate_to_cny) VALUES (?1, ?2, ?3)"
                            + " ON CONFLICT (rate_date, currency) DO UPDATE SET rate_to_cny = EXCLUDED.rate_to_cny")
                    .setParameter(1, r.date()).setParameter(2, r.currency()).setParameter(3, r.rateToCny())
                    .executeUpdate();
        }
        audit.record(caller, AuditActions.FX_RATES_UPLOADED, null, rates.size() + " rate(s)", null);
        return rates.size();
    }

    @Transactional
    public List<Rate> on(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT rate_date, currency, rate_to_cny FROM fx_rate"
                        + " WHERE rate_date BETWEEN ?1 AND ?2 ORDER BY rate_date, currency")
                .setParameter(1, from).setParameter(2, to).getResultList();
        return rows.stream().map(r -> new Rate(Sql.date(r[0]), (String) r[1], Sql.decimal(r[2]))).toList();
    }

    /** Every rate, for converting a file's positions (any days) without a query per row. */
    @Transactional
    public FxTable table() {
        return table(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
    }

    /** The rates that can convert positions of one day: that day's and the fallback days before it. */
    @Transactional
    public FxTable tableFor(LocalDate day) {
        return table(day.minusDays(FxTable.MAX_STALE_DAYS), day);
    }

    private FxTable table(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT currency, rate_date, rate_to_cny FROM fx_rate"
                        + " WHERE rate_date BETWEEN ?1 AND ?2")
                .setParameter(1, from).setParameter(2, to).getResultList();
        Map<String, NavigableMap<LocalDate, BigDecimal>> byCurrency = new HashMap<>();
        for (Object[] r : rows) {
            byCurrency.computeIfAbsent((String) r[0], c -> new TreeMap<>()).put(Sql.date(r[1]), Sql.decimal(r[2]));
        }
        return new FxTable(byCurrency);
    }
}
