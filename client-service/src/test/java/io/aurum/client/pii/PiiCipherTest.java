package io.aurum.client.pii;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiCipherTest {

    static final String K1 = Base64.getEncoder().encodeToString("unit-test-key-one-32-bytes-long!".getBytes(StandardCharsets.UTF_8));
    static final String K2 = Base64.getEncoder().encodeToString("unit-test-key-two-32-bytes-long!".getBytes(StandardCharsets.UTF_8));
    static final String INDEX = Base64.getEncoder().encodeToString("unit-test-blind-index-key-32-byt".getBytes(StandardCharsets.UTF_8));

    static PiiCipher cipher(String active, String... keys) {
        return new PiiCipher(new PiiCipher.PiiConfig() {
            public List<String> keys() {
                return List.of(keys);
            }

            public String activeKey() {
                return active;
            }

            public String indexKey() {
                return INDEX;
            }
        });
    }

    @Test
    void sealsWithTheActiveKeyAndOpensWithTheStoredKeyId() {
        PiiCipher old = cipher("k1", "k1:" + K1);
        PiiCipher.Sealed sealed = old.seal("13800138000", "client-1/phone");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.data(), StandardCharsets.ISO_8859_1)).doesNotContain("13800138000");
        // after rotation the new key seals, the old one still opens what it sealed
        PiiCipher rotated = cipher("k2", "k1:" + K1, "k2:" + K2);
        assertThat(rotated.open(sealed.keyId(), sealed.data(), "client-1/phone")).isEqualTo("13800138000");
        assertThat(rotated.seal("x", "c/phone").keyId()).isEqualTo("k2");
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotDecrypt() {
        PiiCipher c = cipher("k1", "k1:" + K1);
        PiiCipher.Sealed sealed = c.seal("110105194912310029", "client-1/identityNumber");
        assertThatThrownBy(() -> c.open("k1", sealed.data(), "client-2/identityNumber")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.open("k1", sealed.data(), "client-1/phone")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneThreadsCipherServesEveryKeyAndRecoversFromARefusedValue() {
        PiiCipher c = cipher("k2", "k1:" + K1, "k2:" + K2);
        PiiCipher.Sealed underK1 = cipher("k1", "k1:" + K1).seal("under one", "client-1/email");
        PiiCipher.Sealed underK2 = c.seal("under two", "client-1/email");
        for (int i = 0; i < 3; i++) {
            assertThat(c.open("k1", underK1.data(), "client-1/email")).isEqualTo("under one");
            assertThat(c.open("k2", underK2.data(), "client-1/email")).isEqualTo("under two");
            assertThatThrownBy(() -> c.open("k2", underK1.data(), "client-1/email")).isInstanceOf(IllegalStateException.class);
            assertThat(c.open("k2", c.seal("again " + i, "client-1/email").data(), "client-1/email")).isEqualTo("again " + i);
        }
    }

    @Test
    void sameValueSealsDifferentlyButIndexesEqually() {
        PiiCipher c = cipher("k1", "k1:" + K1);
        assertThat(c.seal("v", "a/b").data()).isNotEqualTo(c.seal("v", "a/b").data());
        assertThat(c.blindIndex("v")).isEqualTo(c.blindIndex("v")).isNotEqualTo(c.blindIndex("w")).hasSize(64);
    }

    @Test
    void misconfigurationStopsTheService() {
        assertThatThrownBy(() -> cipher("k9", "k1:" + K1)).hasMessageContaining("active-key");
        assertThatThrownBy(() -> cipher("k1", "k1:c2hvcnQ=")).hasMessageContaining("32 bytes");
    }

    @Test
    void prcIdentityNumbers() {
        assertThat(IdentityNumbers.prcIdProblem("11010519491231002X")).isNull();
        assertThat(IdentityNumbers.prcIdProblem("11010519491231002x")).isNull();
        assertThat(IdentityNumbers.prcIdProblem("110105194912310021")).contains("check character");
        assertThat(IdentityNumbers.prcIdProblem("1101051949123100")).contains("17 digits");
        String badDate = "11010519491331" + "002";
        assertThat(IdentityNumbers.prcIdProblem(badDate + IdentityNumbers.checkCharacter(badDate))).contains("birth date");
        assertThat(IdentityNumbers.prcBirthDate("11010519491231002X")).hasToString("1949-12-31");
    }
}
