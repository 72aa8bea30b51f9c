package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a model allocation (an amount per asset class) into concrete products: per class the products that fit the
 * client — rated at or below the client's level, in the proposal's currency, a minimum investment the class amount
 * can meet, a lock-up within the limit, and not restricted to qualified investors unless the client is one — best
 * expected yield first (ties: lower risk, then code). A class large enough for two products' minimums is split
 * between the best two, so no single product carries the class. Money a class cannot place (nothing fits) goes to
 * cash, and a note says why. Pure.
 */
public final class ProductChoice {

    public record Option(UUID productId, String code, AssetClass assetClass, int riskRating, String currency,
                         BigDecimal minInvestment, int lockupDays, boolean qualifiedInvestorOnly,
                         BigDecimal expectedReturn) {
    }

    public record Constraints(int clientLevel, String currency, Integer maxLockupDays, boolean qualifiedInvestor) {
    }

    public record Line(Option product, BigDecimal amount) {
    }

    public record Choice(List<Line> lines, BigDecimal unplaced, List<String> notes) {
    }

    private static final Comparator<Option> BEST_FIRST = Comparator
            .comparing((Option o) -> o.expectedReturn() == null ? BigDecimal.valueOf(-1) : o.expectedReturn()).reversed()
            .thenComparingInt(Option::riskRating)
            .thenComparing(Option::code);

    private ProductChoice() {
    }

    public static Choice choose(Map<AssetClass, BigDecimal> allocation, List<Option> shelf, Constraints constraints) {
        List<Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<AssetClass, BigDecimal> amounts = new EnumMap<>(allocation);
        BigDecimal toCash = BigDecimal.ZERO;
        for (AssetClass c : AssetClass.values()) {
            if (c == AssetClass.CASH) {
                continue;
            }
            BigDecimal amount = amounts.getOrDefault(c, BigDecimal.ZERO);
            if (amount.signum() <= 0) {
                continue;
            }
            List<Line> placed = place(c, amount, shelf, constraints);
            if (placed.isEmpty()) {
                notes.add("No " + c + " product on the shelf fits " + constraints.currency() + " "
                        + amount.toPlainString() + " for this client; the amount is kept in cash");
                toCash = toCash.add(amount);
            }
            lines.addAll(placed);
        }
        BigDecimal cash = amounts.getOrDefault(AssetClass.CASH, BigDecimal.ZERO).add(toCash);
        BigDecimal unplaced = BigDecimal.ZERO.setScale(2);
        if (cash.signum() > 0) {
            List<Line> placed = place(AssetClass.CASH, cash, shelf, constraints);
            if (placed.isEmpty()) {
                notes.add("No CASH product on the shelf fits " + constraints.currency() + " " + cash.toPlainString()
                        + "; that amount is left unplaced");
                unplaced = cash;
            }
            lines.addAll(placed);
        }
        return new Choice(List.copyOf(lines), unplaced, List.copyOf(notes));
    }

    private static List<Line> place(AssetClass c, BigDecimal amount, List<Option> shelf, Constraints k) {
        List<Option> fitting = shelf.stream()
                .filter(o -> o.assetClass() == c)
                .filter(o -> o.riskRating() <= k.clientLevel())
                .filter(o -> o.currency().equals(k.currency()))
                .filter(o -> o.minInvestment().compareTo(amount) <= 0)
                .filter(o -> k.maxLockupDays() == null || o.lockupDays() <= k.maxLockupDays())
                .filter(o -> !o.qualifiedInvestorOnly() || k.qualifiedInvestor())
                .sorted(BEST_FIRST)
                .toList();
        if (fitting.isEmpty()) {
            return List.of();
        }
        Option first = fitting.get(0);
        if (fitting.size() > 1) {
            Option second = fitting.get(1);
            BigDecimal half = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
            BigDecimal rest = amount.subtract(half);
            if (rest.compareTo(first.minInvestment()) >= 0 && half.compareTo(second.minInvestment()) >= 0) {
                return List.of(new Line(first, rest), new Line(second, half));
            }
        }
        return List.of(new Line(first, amount));
    }
}
