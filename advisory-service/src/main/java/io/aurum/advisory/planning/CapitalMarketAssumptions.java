package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Long-run expected return and volatility per asset class (annual, as fractions) and the correlations between classes,
 * used for a portfolio's expected figures. The house view; products with a stated yield range use its midpoint instead
 * of the class return.
 */
public record CapitalMarketAssumptions(Map<AssetClass, BigDecimal> expectedReturn, Map<AssetClass, BigDecimal> volatility) {

    /** Correlations in enum order: CASH, FIXED_INCOME, EQUITY, ALTERNATIVE, INSURANCE. Symmetric, 1 on the diagonal. */
    static final double[][] CORRELATION = {
            {1.00, 0.20, 0.00, 0.00, 0.10},
            {0.20, 1.00, 0.10, 0.20, 0.40},
            {0.00, 0.10, 1.00, 0.60, 0.10},
            {0.00, 0.20, 0.60, 1.00, 0.10},
            {0.10, 0.40, 0.10, 0.10, 1.00}};

    public CapitalMarketAssumptions {
        for (AssetClass c : AssetClass.values()) {
            if (!expectedReturn.containsKey(c) || !volatility.containsKey(c)) {
                throw new IllegalArgumentException("assumptions are missing for " + c);
            }
        }
        expectedReturn = new EnumMap<>(expectedReturn);
        volatility = new EnumMap<>(volatility);
    }

    /** The defaults documented in application.properties (aurum.advice.assumptions.*). */
    public static CapitalMarketAssumptions defaults() {
        Map<AssetClass, BigDecimal> r = new EnumMap<>(AssetClass.class);
        Map<AssetClass, BigDecimal> v = new EnumMap<>(AssetClass.class);
        r.put(AssetClass.CASH, new BigDecimal("0.0180"));
        v.put(AssetClass.CASH, new BigDecimal("0.0050"));
        r.put(AssetClass.FIXED_INCOME, new BigDecimal("0.0320"));
        v.put(AssetClass.FIXED_INCOME, new BigDecimal("0.0400"));
        r.put(AssetClass.EQUITY, new BigDecimal("0.0700"));
        v.put(AssetClass.EQUITY, new BigDecimal("0.2000"));
        r.put(AssetClass.ALTERNATIVE, new BigDecimal("0.0800"));
        v.put(AssetClass.ALTERNATIVE, new BigDecimal("0.2200"));
        r.put(AssetClass.INSURANCE, new BigDecimal("0.0280"));
        v.put(AssetClass.INSURANCE, new BigDecimal("0.0200"));
        return new CapitalMarketAssumptions(r, v);
    }
}
