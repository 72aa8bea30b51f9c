package io.aurum.common.pii;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void identityNumberKeepsFirstThreeAndLastFour() {
        assertThat(Masking.identityNumber("110101199003071234")).isEqualTo("110***********1234");
    }

    @Test
    void phoneAndEmail() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.email("zhang.wei@bank.cn")).isEqualTo("z***@bank.cn");
        assertThat(Masking.email("nodomain")).isEqualTo("n*******");
        assertThat(Masking.identityNumber(null)).isNull();
    }

    @Test
    void shortValuesAreFullyMasked() {
        assertThat(Masking.identityNumber("1234567")).isEqualTo("*******");
    }

    @Property
    void maskedIdentityKeepsLengthAndNeverRevealsTheMiddle(@ForAll @StringLength(min = 8, max = 30) String id) {
        String masked = Masking.identityNumber(id);
        assertThat(masked).hasSameSizeAs(id);
        assertThat(masked.substring(3, id.length() - 4)).matches("\\*+");
    }
}
