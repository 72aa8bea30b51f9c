package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioFiguresTest {

    private static final CapitalMarketAssumptions CMA = CapitalMarketAssumptions.defaults();

    @Test
    void oneClassHasThatClassVolatilityAndTheProductsStatedReturn() {
        PortfolioFigures.Figures f = PortfolioFigures.of(List.of(
                new PortfolioFigures.Holding(AssetClass.EQUITY, new BigDecimal("100"), new BigDecimal("0.05"))), CMA);
        assertThat(f.expectedReturn()).isEqualByComparingTo("0.0500");
        assertThat(f.volatility()).isEqualByComparingTo("0.2000");
    }

    @Test
    void returnsAreAmountWeightedAndDiversificationLowersVolatility() {
        // 50/50 equity (20%) and fixed income (4%), correlation 0.1:
        // √(0.25·0.04 + 0.25·0.0016 + 2·0.25·0.2·0.04·0.1) = √0.0108 = 0.1039
        PortfolioFigures.Figures f = PortfolioFigures.of(List.of(
                new PortfolioFigures.Holding(AssetClass.EQUITY, new BigDecimal("500000"), null),
                new PortfolioFigures.Holding(AssetClass.FIXED_INCOME, new BigDecimal("500000"), new BigDecimal("0.03"))), CMA);
        assertThat(f.expectedReturn()).isEqualByComparingTo("0.0500");
        assertThat(f.volatility()).isEqualByComparingTo("0.1039");
        assertThat(PortfolioFigures.of(List.of(), CMA).volatility()).isEqualByComparingTo("0");
    }
}
