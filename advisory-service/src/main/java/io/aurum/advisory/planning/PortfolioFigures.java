package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Expected annual return and volatility of a set of holdings: the return is the amount-weighted mean of each holding's
 * return (the product's stated yield midpoint, else its class assumption); the volatility is √(wᵀΣw) over the class
 * weights, Σ from the class volatilities and correlations. Both as fractions with 4 decimals.
 */
public final class PortfolioFigures {

    public record Holding(AssetClass assetClass, BigDecimal amount, BigDecimal expectedReturn) {
    }

    public record Figures(BigDecimal expectedReturn, BigDecimal volatility) {
    }

    private PortfolioFigures() {
    }

    public static Figures of(List<Holding> holdings, CapitalMarketAssumptions cma) {
        BigDecimal total = holdings.stream().map(Holding::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            return new Figures(BigDecimal.ZERO.setScale(4), BigDecimal.ZERO.setScale(4));
        }
        BigDecimal weightedReturn = BigDecimal.ZERO;
        Map<AssetClass, BigDecimal> byClass = new EnumMap<>(AssetClass.class);
        for (Holding h : holdings) {
            BigDecimal r = h.expectedReturn() != null ? h.expectedReturn() : cma.expectedReturn().get(h.assetClass());
            weightedReturn = weightedReturn.add(h.amount().multiply(r));
            byClass.merge(h.assetClass(), h.amount(), BigDecimal::add);
        }
        BigDecimal expected = weightedReturn.divide(total, 4, RoundingMode.HALF_EVEN);
        return new Figures(expected, volatility(byClass, total, cma));
    }

    /** √(wᵀΣw) of the class amounts' weights. */
    public static BigDecimal volatility(Map<AssetClass, BigDecimal> amountByClass, BigDecimal total,
                                        CapitalMarketAssumptions cma) {
        if (total.signum() <= 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        AssetClass[] classes = AssetClass.values();
        double[] w = new double[classes.length];
        double[] s = new double[classes.length];
        for (int i = 0; i < classes.length; i++) {
            w[i] = amountByClass.getOrDefault(classes[i], BigDecimal.ZERO).divide(total, MathContext.DECIMAL64).doubleValue();
            s[i] = cma.volatility().get(classes[i]).doubleValue();
        }
        double variance = 0;
        for (int i = 0; i < classes.length; i++) {
            for (int j = 0; j < classes.length; j++) {
                variance += w[i] * w[j] * s[i] * s[j] * CapitalMarketAssumptions.CORRELATION[i][j];
            }
        }
        return BigDecimal.valueOf(Math.sqrt(Math.max(variance, 0))).setScale(4, RoundingMode.HALF_EVEN);
    }
}
