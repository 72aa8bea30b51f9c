package io.aurum.advisory.planning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RiskDisclosureTest {

    @Test
    void theTextSaysWhatAppliesToTheseLinesInBothLanguages() {
        RiskDisclosure.Text plain = RiskDisclosure.of("C2", List.of(new RiskDisclosure.Line("BOND", 2, 0, false, false, true)));
        assertThat(plain.zh()).contains("理财非存款").contains("R2").contains("C2").doesNotContain("封闭期").doesNotContain("冷静期");
        assertThat(plain.en()).contains("not deposits").contains("R2").doesNotContain("locked up");
        RiskDisclosure.Text risky = RiskDisclosure.of("C5", List.of(
                new RiskDisclosure.Line("PE", 5, 1095, true, true, false),
                new RiskDisclosure.Line("BOND", 2, 0, false, false, true)));
        assertThat(risky.zh()).contains("R5").contains("1095天").contains("合格投资者").contains("冷静期").contains("损失全部本金");
        assertThat(risky.en()).contains("up to 1095 days").contains("qualified investors").contains("cooling-off")
                .contains("state no expected yield");
    }
}
