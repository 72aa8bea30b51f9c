package io.aurum.risk.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskLevelTest {

    @Test
    void theBriefsTable() {
        assertThat(RiskLevel.C1.mayBuy(1)).isTrue();
        assertThat(RiskLevel.C1.mayBuy(2)).isFalse();
        assertThat(RiskLevel.C3.mayBuy(3)).isTrue();
        assertThat(RiskLevel.C3.mayBuy(4)).isFalse();
        assertThat(RiskLevel.C5.mayBuy(5)).isTrue();
        assertThat(RiskLevel.C2.threeTypeView()).isEqualTo(RiskLevel.ThreeTypeView.CONSERVATIVE);
        assertThat(RiskLevel.C3.threeTypeView()).isEqualTo(RiskLevel.ThreeTypeView.STEADY);
        assertThat(RiskLevel.C4.threeTypeView()).isEqualTo(RiskLevel.ThreeTypeView.AGGRESSIVE);
    }

    @Property
    void aLevelMayBuyExactlyTheRatingsUpToItsNumber(@ForAll @IntRange(min = 1, max = 5) int level,
                                                    @ForAll @IntRange(min = 1, max = 5) int rating) {
        assertThat(RiskLevel.values()[level - 1].mayBuy(rating)).isEqualTo(rating <= level);
    }

    @Test
    void ratingsOutsideR1ToR5AreRefused() {
        assertThatThrownBy(() -> RiskLevel.C5.mayBuy(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskLevel.C1.mayBuy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
