package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DriftTest {

    /** The seeded C3 model: cash 10±5, fixed income 45±10, equity 30±10, alternative 5±5, insurance 10±5. */
    static Map<AssetClass, Drift.Target> balanced() {
        Map<AssetClass, Drift.Target> m = new EnumMap<>(AssetClass.class);
        m.put(AssetClass.CASH, new Drift.Target(new BigDecimal("10"), new BigDecimal("5")));
        m.put(AssetClass.FIXED_INCOME, new Drift.Target(new BigDecimal("45"), new BigDecimal("10")));
        m.put(AssetClass.EQUITY, new Drift.Target(new BigDecimal("30"), new BigDecimal("10")));
        m.put(AssetClass.ALTERNATIVE, new Drift.Target(new BigDecimal("5"), new BigDecimal("5")));
        m.put(AssetClass.INSURANCE, new Drift.Target(new BigDecimal("10"), new BigDecimal("5")));
        return m;
    }

    static Map<AssetClass, BigDecimal> holdings(String cash, String fi, String eq, String alt, String ins) {
        Map<AssetClass, BigDecimal> h = new EnumMap<>(AssetClass.class);
        h.put(AssetClass.CASH, new BigDecimal(cash));
        h.put(AssetClass.FIXED_INCOME, new BigDecimal(fi));
        h.put(AssetClass.EQUITY, new BigDecimal(eq));
        h.put(AssetClass.ALTERNATIVE, new BigDecimal(alt));
        h.put(AssetClass.INSURANCE, new BigDecimal(ins));
        return h;
    }

    @Test
    void withinEveryBandNothingIsSuggested() {
        // 14 / 40 / 36 / 2 / 8 percent: each within its band (the band's edge counts as inside)
        Drift.Report r = Drift.evaluate(balanced(), holdings("140000", "400000", "360000", "20000", "80000"),
                BigDecimal.ZERO, new BigDecimal("20"));
        assertThat(r.rebalanceNeeded()).isFalse();
        assertThat(r.trades()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        Drift.Report edge = Drift.evaluate(balanced(), holdings("150000", "350000", "400000", "0", "100000"),
                null, new BigDecimal("20"));
        assertThat(edge.rebalanceNeeded()).isFalse();
    }

    @Test
    void aClassOutsideItsBandGivesTradesThatRestoreTheModelToTheCent() {
        // an entrepreneur's book: 3.33 cash, 10 fixed income, 20 equity, 60 alternative (business stakes), 6.67 insurance
        Drift.Report r = Drift.evaluate(balanced(), holdings("100000.01", "300000", "600000", "1800000", "199999.99"),
                new BigDecimal("1500000"), new BigDecimal("20"));
        assertThat(r.total()).isEqualByComparingTo("3000000.00");
        assertThat(r.rebalanceNeeded()).isTrue();
        assertThat(r.classes()).filteredOn(Drift.ClassDrift::outsideBand).extracting(Drift.ClassDrift::assetClass)
                .containsExactly(AssetClass.CASH, AssetClass.FIXED_INCOME, AssetClass.ALTERNATIVE);
        Map<AssetClass, BigDecimal> trade = new EnumMap<>(AssetClass.class);
        r.trades().forEach(t -> trade.put(t.assetClass(), t.amount()));
        assertThat(trade.get(AssetClass.CASH)).isEqualByComparingTo("199999.99");
        assertThat(trade.get(AssetClass.FIXED_INCOME)).isEqualByComparingTo("1050000.00");
        assertThat(trade.get(AssetClass.EQUITY)).isEqualByComparingTo("300000.00");
        assertThat(trade.get(AssetClass.ALTERNATIVE)).isEqualByComparingTo("-1650000.00");
        assertThat(trade.get(AssetClass.INSURANCE)).isEqualByComparingTo("100000.01");
        assertThat(r.trades().stream().map(Drift.Trade::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("OFFENSIVE_CONCENTRATION"))
                .anyMatch(w -> w.startsWith("HIGH_RISK_CONCENTRATION") && w.contains("50.00%"));
        assertThat(r.highRiskPercent()).isEqualByComparingTo("50.00");
    }

    @Test
    void aClassTheModelLeavesOutCountsAsTargetZeroAndNoHoldingsMeanNoReport() {
        Map<AssetClass, Drift.Target> cashOnly = Map.of(AssetClass.CASH, new Drift.Target(new BigDecimal("100"), new BigDecimal("5")));
        Drift.Report r = Drift.evaluate(cashOnly, holdings("900", "0", "100", "0", "0"), null, null);
        assertThat(r.rebalanceNeeded()).isTrue();
        assertThat(r.trades()).extracting(Drift.Trade::amount).containsExactly(new BigDecimal("100.00"), new BigDecimal("-100.00"));
        // without a model (no risk level yet) the report shows the weights and asks for nothing
        Drift.Report noModel = Drift.evaluate(Map.of(), holdings("900", "0", "100", "0", "0"), null, null);
        assertThat(noModel.rebalanceNeeded()).isFalse();
        assertThat(noModel.trades()).isEmpty();
        assertThat(noModel.classes()).extracting(Drift.ClassDrift::currentPercent)
                .containsExactly(new BigDecimal("90.00"), new BigDecimal("10.00"));
        Drift.Report empty = Drift.evaluate(balanced(), Map.of(), null, null);
        assertThat(empty.rebalanceNeeded()).isFalse();
        assertThat(empty.classes()).isEmpty();
    }
}
