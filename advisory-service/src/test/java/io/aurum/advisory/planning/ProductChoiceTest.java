package io.aurum.advisory.planning;

import io.aurum.advisory.domain.AssetClass;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProductChoiceTest {

    static ProductChoice.Option option(String code, AssetClass c, int risk, String currency, String min, int lockup,
                                       boolean qualified, String yield) {
        return new ProductChoice.Option(UUID.nameUUIDFromBytes(code.getBytes()), code, c, risk, currency, new BigDecimal(min),
                lockup, qualified, yield == null ? null : new BigDecimal(yield));
    }

    static final List<ProductChoice.Option> SHELF = List.of(
            option("MMF", AssetClass.CASH, 1, "CNY", "1", 0, false, "0.018"),
            option("DEP-3Y", AssetClass.CASH, 1, "CNY", "200000", 1095, false, "0.019"),
            option("BOND-A", AssetClass.FIXED_INCOME, 2, "CNY", "1000", 0, false, "0.030"),
            option("BOND-B", AssetClass.FIXED_INCOME, 2, "CNY", "100000", 0, false, "0.029"),
            option("USD-BOND", AssetClass.FIXED_INCOME, 3, "USD", "1000", 0, false, "0.045"),
            option("EQ-R3", AssetClass.EQUITY, 3, "CNY", "1000", 0, false, "0.05"),
            option("EQ-R4", AssetClass.EQUITY, 4, "CNY", "1000", 0, false, "0.09"),
            option("PE-R3-QI", AssetClass.ALTERNATIVE, 3, "CNY", "1000000", 365, true, "0.10"),
            option("GOLD", AssetClass.ALTERNATIVE, 3, "CNY", "500", 0, false, null));

    static Map<AssetClass, BigDecimal> allocation(String cash, String fi, String eq, String alt) {
        Map<AssetClass, BigDecimal> a = new EnumMap<>(AssetClass.class);
        a.put(AssetClass.CASH, new BigDecimal(cash));
        a.put(AssetClass.FIXED_INCOME, new BigDecimal(fi));
        a.put(AssetClass.EQUITY, new BigDecimal(eq));
        a.put(AssetClass.ALTERNATIVE, new BigDecimal(alt));
        return a;
    }

    @Test
    void onlyProductsThatFitTheClientAreChosenAndALargeClassIsSplitBetweenTwo() {
        ProductChoice.Choice c = ProductChoice.choose(allocation("300000.00", "900000.00", "600000.00", "200000.00"), SHELF,
                new ProductChoice.Constraints(3, "CNY", 365, false));
        assertThat(c.lines()).extracting(l -> l.product().code())
                // cash: DEP-3Y is locked up too long; fixed income: the USD bond is the wrong currency; equity: R4 above C3;
                // alternative: qualified investors only is left out
                .containsExactly("BOND-A", "BOND-B", "EQ-R3", "GOLD", "MMF");
        assertThat(c.lines().get(0).amount()).isEqualByComparingTo("450000.00");
        assertThat(c.lines().get(1).amount()).isEqualByComparingTo("450000.00");
        assertThat(c.lines().stream().map(ProductChoice.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("2000000.00");
        assertThat(c.unplaced()).isEqualByComparingTo("0");
        assertThat(c.notes()).isEmpty();
    }

    @Test
    void aClassNothingFitsGoesToCashWithANote() {
        ProductChoice.Choice c = ProductChoice.choose(allocation("1000.00", "0", "0", "300.00"),
                List.of(SHELF.get(0), SHELF.get(7)), new ProductChoice.Constraints(5, "CNY", null, true));
        assertThat(c.lines()).extracting(l -> l.product().code()).containsExactly("MMF");
        assertThat(c.lines().get(0).amount()).isEqualByComparingTo("1300.00");
        assertThat(c.notes()).singleElement().asString().contains("No ALTERNATIVE product").contains("kept in cash");
    }

    @Test
    void withNoCashProductTheRestIsUnplacedAndSaidSo() {
        ProductChoice.Choice c = ProductChoice.choose(allocation("50000.00", "50000.00", "0", "0"),
                List.of(SHELF.get(2)), new ProductChoice.Constraints(2, "CNY", null, false));
        assertThat(c.lines()).extracting(l -> l.product().code()).containsExactly("BOND-A");
        assertThat(c.unplaced()).isEqualByComparingTo("50000.00");
        assertThat(c.notes()).singleElement().asString().contains("left unplaced");
    }

    @Test
    void aSplitNeedsBothMinimumsOtherwiseTheBestProductTakesTheClass() {
        ProductChoice.Choice c = ProductChoice.choose(allocation("0", "150000.00", "0", "0"), SHELF,
                new ProductChoice.Constraints(2, "CNY", null, false));
        // half would be 75,000 < BOND-B's minimum of 100,000
        assertThat(c.lines()).extracting(l -> l.product().code()).containsExactly("BOND-A");
        assertThat(c.lines().get(0).amount()).isEqualByComparingTo("150000.00");
    }
}
