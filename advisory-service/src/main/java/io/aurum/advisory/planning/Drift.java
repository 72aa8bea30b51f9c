package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A client's holdings against the model of their risk level: per asset class the current weight, the target and its
 * tolerance band; any class outside its band asks for a rebalance, with the trades (per class, to the cent, summing to
 * zero) that would restore the model. Separately flags the commonest problem with entrepreneurs' portfolios: too much
 * in offensive assets (ALTERNATIVE above its band) or in high-risk (R4/R5) products for the level. Pure.
 */
public final class Drift {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A model's weight for one class, in percent. */
    public record Target(BigDecimal percent, BigDecimal bandPercent) {
    }

    public record ClassDrift(AssetClass assetClass, BigDecimal amount, BigDecimal currentPercent, BigDecimal targetPercent,
                             BigDecimal bandPercent, BigDecimal deviationPercent, boolean outsideBand) {
    }

    /** Positive: buy into the class; negative: sell out of it. */
    public record Trade(AssetClass assetClass, BigDecimal amount) {
    }

    public record Report(BigDecimal total, List<ClassDrift> classes, boolean rebalanceNeeded, List<Trade> trades,
                         BigDecimal highRiskPercent, BigDecimal highRiskCapPercent, List<String> warnings) {
    }

    private Drift() {
    }

    /**
     * @param holdings         CNY per asset class (missing classes hold nothing)
     * @param highRisk         CNY in R4/R5 products (null: unknown)
     * @param highRiskCapPercent the share of R4/R5 the client's level allows
     */
    public static Report evaluate(Map<AssetClass, Target> model, Map<AssetClass, BigDecimal> holdings, BigDecimal highRisk,
                                  BigDecimal highRiskCapPercent) {
        BigDecimal total = holdings.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
        List<ClassDrift> classes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (total.signum() <= 0) {
            return new Report(total, List.of(), false, List.of(), null, highRiskCapPercent, List.of());
        }
        // no model (the client has no risk level yet): the current weights only, nothing to compare them with
        boolean noModel = model.isEmpty();
        boolean rebalance = false;
        Map<AssetClass, BigDecimal> targets = new EnumMap<>(AssetClass.class);
        for (AssetClass c : AssetClass.values()) {
            Target t = model.getOrDefault(c, new Target(BigDecimal.ZERO, BigDecimal.ZERO));
            targets.put(c, t.percent());
            BigDecimal amount = holdings.getOrDefault(c, BigDecimal.ZERO);
            BigDecimal current = percentOf(amount, total);
            BigDecimal deviation = current.subtract(t.percent());
            boolean outside = !noModel && deviation.abs().compareTo(t.bandPercent()) > 0;
            rebalance |= outside;
            if (amount.signum() != 0 || t.percent().signum() != 0) {
                classes.add(new ClassDrift(c, amount.setScale(2, RoundingMode.HALF_EVEN), current, t.percent(),
                        t.bandPercent(), deviation, outside));
            }
            if (!noModel && c == AssetClass.ALTERNATIVE && deviation.compareTo(t.bandPercent()) > 0) {
                warnings.add("OFFENSIVE_CONCENTRATION: alternative assets (property, business stakes, private equity) are "
                        + current.toPlainString() + "% against a model of " + t.percent().toPlainString() + "% ± "
                        + t.bandPercent().toPlainString());
            }
        }
        BigDecimal highRiskPercent = highRisk == null ? null : percentOf(highRisk, total);
        if (highRiskPercent != null && highRiskCapPercent != null && highRiskPercent.compareTo(highRiskCapPercent) > 0) {
            warnings.add("HIGH_RISK_CONCENTRATION: R4/R5 products are " + highRiskPercent.toPlainString()
                    + "% of the assets; the client's level allows " + highRiskCapPercent.toPlainString() + "%");
        }
        List<Trade> trades = new ArrayList<>();
        if (rebalance) {
            Map<AssetClass, BigDecimal> wanted = Allocation.split(total, targets);
            for (AssetClass c : AssetClass.values()) {
                BigDecimal delta = wanted.get(c).subtract(holdings.getOrDefault(c, BigDecimal.ZERO)).setScale(2, RoundingMode.HALF_EVEN);
                if (delta.signum() != 0) {
                    trades.add(new Trade(c, delta));
                }
            }
        }
        return new Report(total, List.copyOf(classes), rebalance, List.copyOf(trades), highRiskPercent, highRiskCapPercent,
                List.copyOf(warnings));
    }

    static BigDecimal percentOf(BigDecimal part, BigDecimal total) {
        return part.multiply(HUNDRED).divide(total, 2, RoundingMode.HALF_EVEN);
    }
}
