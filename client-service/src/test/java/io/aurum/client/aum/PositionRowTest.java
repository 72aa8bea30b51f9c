package io.aurum.client.aum;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The per-row validation of uploads and core-banking snapshots (no Quarkus: pure rules). */
class PositionRowTest {

    private static final String CLIENT = "6f1c2b1e-8d0a-4a43-9c51-2f4f6c3f9a10";
    private static final FxTable RATES = new FxTable(Map.of("USD",
            new TreeMap<>(Map.of(LocalDate.of(2026, 2, 2), new BigDecimal("7.1000")))));

    private static PositionRow row(String asOf, String product, String currency) throws PositionRow.Invalid {
        return PositionRow.parse(asOf, CLIENT, product, "EQUITY", currency, "1000.005", "4", RATES);
    }

    private static void invalid(String asOf, String product, String currency, String field) {
        assertThatThrownBy(() -> row(asOf, product, currency))
                .isInstanceOf(PositionRow.Invalid.class)
                .satisfies(e -> assertThat(((PositionRow.Invalid) e).field()).isEqualTo(field));
    }

    @Test
    void aValidRowIsConvertedToCny() throws PositionRow.Invalid {
        PositionRow row = row("2026-02-03", "FUND-A.01_x", "USD");
        assertThat(row.asOf()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(row.amount()).isEqualByComparingTo("1000.01");
        assertThat(row.amountCny()).isEqualByComparingTo("7100.07");
        assertThat(row.riskRating()).isEqualTo(4);
    }

    @Test
    void datesMustBeRealDaysWrittenYyyyMmDd() throws PositionRow.Invalid {
        assertThat(row(" 2024-02-29 ", "P1", "CNY").asOf()).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String bad : new String[]{"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-2-3", "20260203",
                "2026/02/03", "2026-02-3x", "２０２６-02-03", "tomorrow"}) {
            invalid(bad, "P1", "CNY", "asOf");
        }
        invalid(LocalDate.now().plusDays(5).toString(), "P1", "CNY", "asOf");
    }

    @Test
    void productCodesAreAsciiLettersDigitsAndSeparatorsNotLeading() throws PositionRow.Invalid {
        assertThat(row("2026-02-03", "a".repeat(64), "CNY").productCode()).hasSize(64);
        assertThat(row("2026-02-03", "9x.y_z-1", "CNY").productCode()).isEqualTo("9x.y_z-1");
        for (String bad : new String[]{"a".repeat(65), "-P1", ".P1", "_P1", "P 1", "P/1", "产品1", "P1;"}) {
            invalid("2026-02-03", bad, "CNY", "productCode");
        }
    }

    @Test
    void hostileAmountsAreRejectedRowsAtOnceNotACpuBurn() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (String bad : new String[]{"1e-4000000", "1e-2000000", "1e400", "1234567890123456789012345678901234567890",
                    "9223372036854775808", "1000000000000000000", "0.000000001", "NaN", "١٢٣"}) {
                assertThatThrownBy(() -> PositionRow.parse("2026-02-03", CLIENT, "P1", "EQUITY", "CNY", bad, null, RATES))
                        .as(bad).isInstanceOf(PositionRow.Invalid.class)
                        .satisfies(e -> assertThat(((PositionRow.Invalid) e).field()).isEqualTo("amount"))
                        .hasMessage("must be a decimal number with at most 18 digits before and 8 after the point");
            }
        });
        assertThatThrownBy(() -> PositionRow.parse("2026-02-03", CLIENT, "P1", "EQUITY", "CNY", "-5", null, RATES))
                .hasMessage("must not be negative");
    }

    @Test
    void daysBefore1900AreRejected() throws PositionRow.Invalid {
        invalid("1899-12-31", "P1", "CNY", "asOf");
        invalid("0000-01-01", "P1", "CNY", "asOf");
        assertThat(row("1900-01-01", "P1", "CNY").asOf()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void currenciesAreThreeCapitalsWithARate() {
        for (String bad : new String[]{"usd", "US", "USDX", "U$D", "ＵＳＤ"}) {
            invalid("2026-02-03", "P1", bad, "currency");
        }
        // well-formed, but no rate for the day or up to seven days before
        invalid("2026-02-03", "P1", "EUR", "currency");
    }
}
