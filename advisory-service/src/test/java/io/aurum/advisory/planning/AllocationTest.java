package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationTest {

    private static Map<AssetClass, BigDecimal> weights(String cash, String fi, String eq, String alt, String ins) {
        Map<AssetClass, BigDecimal> w = new EnumMap<>(AssetClass.class);
        w.put(AssetClass.CASH, new BigDecimal(cash));
        w.put(AssetClass.FIXED_INCOME, new BigDecimal(fi));
        w.put(AssetClass.EQUITY, new BigDecimal(eq));
        w.put(AssetClass.ALTERNATIVE, new BigDecimal(alt));
        w.put(AssetClass.INSURANCE, new BigDecimal(ins));
        return w;
    }

    @Test
    void evenSplitsAreExact() {
        Map<AssetClass, BigDecimal> parts = Allocation.split(new BigDecimal("2000000.00"), weights("10", "45", "30", "5", "10"));
        assertThat(parts.get(AssetClass.CASH)).isEqualByComparingTo("200000.00");
        assertThat(parts.get(AssetClass.FIXED_INCOME)).isEqualByComparingTo("900000.00");
        assertThat(parts.get(AssetClass.EQUITY)).isEqualByComparingTo("600000.00");
        assertThat(parts.get(AssetClass.ALTERNATIVE)).isEqualByComparingTo("100000.00");
        assertThat(parts.get(AssetClass.INSURANCE)).isEqualByComparingTo("200000.00");
    }

    @Test
    void leftoverCentsGoToTheLargestRemaindersSoThePartsAddUp() {
        // 100.00 in thirds: 33.33 + 33.33 + 33.33 = 99.99; the missing cent goes to the first of the equal remainders
        Map<AssetClass, BigDecimal> parts = Allocation.split(new BigDecimal("100.00"), weights("33.34", "33.33", "33.33", "0", "0"));
        assertThat(parts.get(AssetClass.CASH)).isEqualByComparingTo("33.34");
        assertThat(parts.get(AssetClass.FIXED_INCOME)).isEqualByComparingTo("33.33");
        assertThat(parts.get(AssetClass.EQUITY)).isEqualByComparingTo("33.33");
        Map<AssetClass, BigDecimal> odd = Allocation.split(new BigDecimal("0.05"), weights("50", "50", "0", "0", "0"));
        assertThat(odd.get(AssetClass.CASH)).isEqualByComparingTo("0.03");
        assertThat(odd.get(AssetClass.FIXED_INCOME)).isEqualByComparingTo("0.02");
        assertThat(odd.values().stream().map(BigDecimal::scale)).containsOnly(2);
    }

    @Test
    void weightsMustAddUpToAHundredAndAmountsHaveCents() {
        assertThatThrownBy(() -> Allocation.split(new BigDecimal("100"), weights("10", "45", "30", "5", "5")))
                .hasMessageContaining("95%");
        assertThatThrownBy(() -> Allocation.split(new BigDecimal("100.001"), weights("100", "0", "0", "0", "0")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Property
    void partsAlwaysAddUpToTheWholeAndNeverMissByACent(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long cents,
                                                       @ForAll @IntRange(min = 0, max = 10000) int a,
                                                       @ForAll @IntRange(min = 0, max = 10000) int b,
                                                       @ForAll @IntRange(min = 0, max = 10000) int c) {
        // three random weights in basis points, the rest to insurance
        int[] w = {a, b, c};
        int used = 0;
        for (int i = 0; i < 3; i++) {
            w[i] = Math.min(w[i], 10000 - used);
            used += w[i];
        }
        Map<AssetClass, BigDecimal> weights = new EnumMap<>(AssetClass.class);
        weights.put(AssetClass.CASH, BigDecimal.valueOf(w[0], 2));
        weights.put(AssetClass.FIXED_INCOME, BigDecimal.valueOf(w[1], 2));
        weights.put(AssetClass.EQUITY, BigDecimal.valueOf(w[2], 2));
        weights.put(AssetClass.INSURANCE, BigDecimal.valueOf(10000 - used, 2));
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        Map<AssetClass, BigDecimal> parts = Allocation.split(amount, weights);
        assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
        for (AssetClass k : weights.keySet()) {
            BigDecimal exact = amount.multiply(weights.get(k)).divide(BigDecimal.valueOf(100));
            assertThat(parts.get(k).subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        }
    }
}
