package io.aurum.common.web;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The shared input rules, exhaustively and without a server. */
class InputRulesTest {

    @Test
    void ordinaryTextOfEveryScriptIsTaken() {
        for (String ok : new String[]{"", "陈思远", "CHEN Siyuan", "O'Brien-Smith", "Zoë Ångström", "محمد", "Иван",
                "😀 emoji beyond the basic plane 𝔸", "line one\nline two\ttabbed\r\n", "上海市徐汇区衡山路100号",
                "' OR '1'='1", "<script>alert(1)</script>", "\u00A0non-breaking space", "tab\there"}) {
            assertThat(InputRules.textProblem(ok)).as(ok).isNull();
            assertThat(InputRules.text(ok)).isSameAs(ok);
        }
        assertThat(InputRules.textProblem(null)).isNull();
    }

    @Test
    void nulIsRefusedAnywhereInTheText() {
        for (String bad : new String[]{"\u0000", "a\u0000", "\u0000b", "陈\u0000思远"}) {
            assertThat(InputRules.textProblem(bad)).as(bad).contains("NUL").contains("U+0000");
        }
        assertThatThrownBy(() -> InputRules.text("x\u0000")).isInstanceOf(InputRules.Refused.class).hasMessageContaining("NUL");
    }

    @Test
    void halfOfASurrogatePairIsRefusedAWholePairIsTaken() {
        assertThat(InputRules.textProblem("\uD83D\uDE00")).isNull();
        for (String bad : new String[]{"\uD800", "a\uD800", "\uD800b", "\uDC00", "x\uDFFFy", "\uDE00\uD83D", "\uD83D\uD83D\uDE00x\uD800"}) {
            assertThat(InputRules.textProblem(bad)).as(bad).startsWith("must be valid Unicode text");
        }
        assertThat(InputRules.textProblem("ab\uD800")).contains("U+D800");
    }

    @Test
    void everyBidiAndZeroWidthControlIsRefusedAndTheirNeighboursAreNot() {
        String controls = "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF";
        for (char c : controls.toCharArray()) {
            assertThat(InputRules.textProblem("name" + c + "x")).as("U+%04X", (int) c)
                    .isEqualTo("must not contain invisible direction or zero-width characters (found " + String.format("U+%04X", (int) c) + ")");
        }
        for (char c : "\u200A\u2010\u202F\u2065\u2070\uFEFE\uFF01\u00A0\u061B\u3000".toCharArray()) {
            assertThat(InputRules.textProblem("x" + c)).as("U+%04X", (int) c).isNull();
        }
        assertThat(InputRules.textProblem("\u202Egnp.exe")).contains("U+202E");
    }

    @Test
    void controlCharactersAndOtherInvisibleMarksAreRefused() {
        // terminal escapes and other C0/C1 controls: log and screen injection; tab, line feed and return are text
        for (char c : "\u0001\u0007\u0008\u000B\u000C\u001B\u001F\u007F\u0080\u009B\u009F".toCharArray()) {
            assertThat(InputRules.textProblem("Call " + c + "[2Jback")).as("U+%04X", (int) c)
                    .isEqualTo("must not contain control characters (found " + String.format("U+%04X", (int) c) + ")");
        }
        // the Arabic letter mark is a bidi control too; soft hyphen, Hangul fillers, separators and the rest look like nothing
        for (char c : "\u061C\u00AD\u180E\u115F\u1160\u3164\uFFA0\u2028\u2029\u2061\u2064\u206A\u206F\uFFF9\uFFFB".toCharArray()) {
            assertThat(InputRules.textProblem("a" + c + "b")).as("U+%04X", (int) c).contains(String.format("U+%04X", (int) c));
        }
        // tag characters (U+E0000–U+E007F) spell invisible text
        assertThat(InputRules.textProblem("a\uDB40\uDC41\uDB40\uDC42b")).contains("tag characters").contains("U+E0041");
        assertThat(InputRules.textProblem("\uDB40\uDD00")).as("U+E0100, a variation selector, is not a tag").isNull();
    }

    @Test
    void decimalsWithinEighteenAndEightDigitsAreTakenAndNormalised() {
        assertThat(InputRules.decimal("0")).isEqualByComparingTo("0");
        assertThat(InputRules.decimal("6200000.00")).isEqualTo(new BigDecimal("6200000.00"));
        assertThat(InputRules.decimal(" 999999999999999999.99999999 ")).isEqualTo(new BigDecimal("999999999999999999.99999999"));
        assertThat(InputRules.decimal("-999999999999999999")).isEqualTo(new BigDecimal("-999999999999999999"));
        assertThat(InputRules.decimal("7.12345678")).isEqualTo(new BigDecimal("7.12345678"));
        // trailing zeros do not count; exponents are fine when the value fits, and never leave a negative scale
        assertThat(InputRules.decimal("1.50000000000000000000")).isEqualTo(new BigDecimal("1.5"));
        assertThat(InputRules.decimal("1e5")).isEqualTo(new BigDecimal("100000"));
        assertThat(InputRules.decimal("1e5").scale()).isZero();
        assertThat(InputRules.decimal("125e-2")).isEqualTo(new BigDecimal("1.25"));
        assertThat(InputRules.decimal("0e-2000000")).isEqualTo(BigDecimal.ZERO);
        assertThat(InputRules.decimal("0E+2000000")).isEqualTo(BigDecimal.ZERO);
        assertThat(InputRules.decimal("0.00")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void decimalsBeyondTheBoundsOrNotNumbersAreRefusedAtOnce() {
        for (String bad : new String[]{"1e-2000000", "1e400", "-1e400", "1.5e-400", "1e-4000000", "1E+2147483647",
                "1e-2147483647", "123456789012345678901234567890123456789", "9223372036854775808", "1000000000000000000",
                "-99999999999999999999", "0.000000001", "0.0000000000000000000000001", "1.123456789", "NaN", "Infinity",
                "-0x1p3", "1,5", "", "  ", "12 34", "1e", "e5", "١٢٣", "1".repeat(65)}) {
            assertThatThrownBy(() -> InputRules.decimal(bad)).as(bad).isInstanceOf(InputRules.Refused.class)
                    .hasMessage(InputRules.DECIMAL_RULE);
        }
        assertThatThrownBy(() -> InputRules.decimal((String) null)).isInstanceOf(InputRules.Refused.class);
        assertThat(InputRules.DECIMAL_RULE).isEqualTo("must be a decimal number with at most 18 digits before and 8 after the point");
    }

    @Test
    void hostileExponentsCostNothing() {
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            for (int i = 0; i < 1000; i++) {
                for (String bad : new String[]{"1e-2000000", "1e-999999999", "1e999999999", "12345678e-99999999", "1.0e-99999999"}) {
                    assertThatThrownBy(() -> InputRules.decimal(bad)).isInstanceOf(InputRules.Refused.class);
                }
            }
        });
    }

    @Property
    void everyDecimalWithinTheBoundsIsTakenUnchangedInValue(
            @ForAll @BigRange(min = "-999999999999999999.99999999", max = "999999999999999999.99999999") @Scale(8) BigDecimal value) {
        assertThat(InputRules.decimal(value.toPlainString())).isEqualByComparingTo(value);
        assertThat(InputRules.decimal(value.toString())).isEqualByComparingTo(value);
    }

    @Test
    void datesAreYyyyMmDdBetween1900And2200() {
        assertThat(InputRules.date("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(InputRules.date("2200-12-31")).isEqualTo(LocalDate.of(2200, 12, 31));
        assertThat(InputRules.date(" 2024-02-29 ")).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String bad : new String[]{"1899-12-31", "2201-01-01", "+999999999-12-31", "-999999999-01-01", "2026-02-30",
                "2025-02-29", "2026-13-01", "2026-1-5", "20260105", "2026-01-05T00:00:00", "0000-01-01", "", "tomorrow",
                "２０２６-01-05", "2026-01-05\u0000"}) {
            assertThatThrownBy(() -> InputRules.date(bad)).as(bad).isInstanceOf(InputRules.Refused.class)
                    .hasMessage("must be a date (YYYY-MM-DD) between 1900-01-01 and 2200-12-31");
        }
        assertThatThrownBy(() -> InputRules.date((String) null)).isInstanceOf(InputRules.Refused.class);
        assertThatThrownBy(() -> InputRules.date(LocalDate.MAX)).isInstanceOf(InputRules.Refused.class);
        assertThat(InputRules.inDateRange(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(InputRules.inDateRange(LocalDate.of(2200, 12, 31))).isTrue();
        assertThat(InputRules.inDateRange(null)).isFalse();
    }

    @Test
    void momentsCarryAnOffsetAndLieBetween1900And2200() {
        assertThat(InputRules.instant("2026-11-25T09:30:00Z")).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(InputRules.instant("2026-11-25T17:30:00+08:00")).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(InputRules.instant("2026-11-25T09:30Z")).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(InputRules.instant("2026-11-25T09:30:00.123456789Z")).isEqualTo(Instant.parse("2026-11-25T09:30:00.123456789Z"));
        assertThat(InputRules.instant("1900-01-01T00:00:00Z")).isEqualTo(InputRules.EARLIEST_INSTANT);
        assertThat(InputRules.instant("2200-12-31T23:59:59.999999999Z")).isEqualTo(InputRules.LATEST_INSTANT);
        for (String bad : new String[]{"1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-25T09:30:00", "2026-11-25", "1764063000",
                "2026-11-25T25:00:00Z", "", "now"}) {
            assertThatThrownBy(() -> InputRules.instant(bad)).as(bad).isInstanceOf(InputRules.Refused.class)
                    .hasMessage(InputRules.INSTANT_RULE);
        }
        assertThatThrownBy(() -> InputRules.instant(Instant.MAX)).isInstanceOf(InputRules.Refused.class);
        assertThat(InputRules.INSTANT_RULE).contains("1900-01-01").contains("2200-12-31").doesNotContain("java");
    }
}
