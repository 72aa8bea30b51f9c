package io.aurum.advisory.planning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a goal needs: the funded amount grows at the model's expected annual return, compounded monthly (nominal rate
 * / 12) until the target date; the shortfall is what it will still lack, and the monthly saving is the level payment at
 * each month's end that closes it (shortfall · i / ((1 + i)ⁿ − 1), or shortfall / n at a zero return). A goal due this
 * month or earlier needs the whole shortfall now. Money is rounded half-up to the cent only at the end. Pure.
 */
public record GoalPlan(int monthsLeft, BigDecimal projectedFunded, BigDecimal shortfall, BigDecimal monthlySaving,
                       boolean onTrack) {

    private static final MathContext MC = MathContext.DECIMAL128;

    public static GoalPlan of(BigDecimal target, LocalDate targetDate, BigDecimal funded, BigDecimal annualReturn,
                              LocalDate today) {
        int months = (int) Math.max(0, ChronoUnit.MONTHS.between(today.withDayOfMonth(1), targetDate.withDayOfMonth(1)));
        BigDecimal i = annualReturn.divide(BigDecimal.valueOf(12), MC);
        BigDecimal growth = BigDecimal.ONE.add(i).pow(months, MC);
        BigDecimal projected = funded.multiply(growth, MC);
        BigDecimal shortfall = target.subtract(projected).max(BigDecimal.ZERO);
        BigDecimal saving;
        if (shortfall.signum() == 0) {
            saving = BigDecimal.ZERO;
        } else if (months == 0) {
            saving = shortfall;
        } else if (i.signum() == 0) {
            saving = shortfall.divide(BigDecimal.valueOf(months), MC);
        } else {
            saving = shortfall.multiply(i, MC).divide(growth.subtract(BigDecimal.ONE), MC);
        }
        return new GoalPlan(months, cents(projected), cents(shortfall), cents(saving), shortfall.signum() == 0);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
