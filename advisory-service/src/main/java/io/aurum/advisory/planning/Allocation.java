package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount of money across asset classes by percentage weights, to the cent, so that the parts always add up
 * to the whole: every part is rounded down and the cents left over go to the largest remainders (ties: the class
 * listed first). Pure; no framework types.
 */
public final class Allocation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Allocation() {
    }

    /**
     * @param amount  the money to split (2 decimals are kept; more are refused)
     * @param percent weights in percent; they must add up to 100 exactly
     * @return the amount per class, in enum order, every class of {@code percent} present (possibly 0.00)
     */
    public static Map<AssetClass, BigDecimal> split(BigDecimal amount, Map<AssetClass, BigDecimal> percent) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        BigDecimal sum = percent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(HUNDRED) != 0) {
            throw new IllegalArgumentException("weights add up to " + sum.stripTrailingZeros().toPlainString() + "%, not 100%");
        }
        long cents = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        Map<AssetClass, Long> parts = new EnumMap<>(AssetClass.class);
        List<Map.Entry<AssetClass, BigDecimal>> remainders = new ArrayList<>();
        long given = 0;
        for (Map.Entry<AssetClass, BigDecimal> e : new EnumMap<>(percent).entrySet()) {
            BigDecimal exact = BigDecimal.valueOf(cents).multiply(e.getValue()).divide(HUNDRED);
            long floor = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
            parts.put(e.getKey(), floor);
            given += floor;
            remainders.add(Map.entry(e.getKey(), exact.subtract(BigDecimal.valueOf(floor))));
        }
        remainders.sort(Comparator.<Map.Entry<AssetClass, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; given < cents; i++, given++) {
            AssetClass c = remainders.get(i % remainders.size()).getKey();
            parts.merge(c, 1L, Long::sum);
        }
        Map<AssetClass, BigDecimal> result = new EnumMap<>(AssetClass.class);
        parts.forEach((c, v) -> result.put(c, BigDecimal.valueOf(v, 2)));
        return result;
    }
}
