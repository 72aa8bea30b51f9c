package io.aurum.advisory.proposals;

import io.aurum.advisory.domain.ProductType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CoolingOffTest {

    static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    @Test
    void privateFundsAndProductsTheShelfMarksPrivateCoolOff() {
        assertThat(CoolingOff.applies(ProductType.PRIVATE_FUND, false)).isTrue();
        assertThat(CoolingOff.applies(ProductType.TRUST, true)).isTrue();
        assertThat(CoolingOff.applies(ProductType.MUTUAL_FUND, false)).isFalse();
    }

    @Test
    void theClientMayWithdrawUntilTheEndAndNotAfter() {
        Instant until = CoolingOff.until(AT, DAY, true);
        assertThat(until).isEqualTo(AT.plus(DAY));
        assertThat(CoolingOff.mayCancel(AT.plus(DAY).minusSeconds(1), until)).isTrue();
        assertThat(CoolingOff.mayCancel(AT.plus(DAY), until)).isFalse();
        assertThat(CoolingOff.isOver(AT.plus(DAY).minusSeconds(1), until)).isFalse();
        assertThat(CoolingOff.isOver(AT.plus(DAY), until)).isTrue();
    }

    @Test
    void withoutAPrivateLineOrPeriodTheAcceptanceIsFinalAtOnce() {
        assertThat(CoolingOff.until(AT, DAY, false)).isNull();
        assertThat(CoolingOff.until(AT, Duration.ZERO, true)).isNull();
        assertThat(CoolingOff.mayCancel(AT, null)).isFalse();
        assertThat(CoolingOff.isOver(AT, null)).isTrue();
    }
}
