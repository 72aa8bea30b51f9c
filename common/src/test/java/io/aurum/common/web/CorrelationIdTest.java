package io.aurum.common.web;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdTest {

    @Test
    void keepsAWellFormedIdAndReplacesAnythingElseWithANewRandomUuid() {
        assertThat(CorrelationId.acceptOrCreate("req-42.a:b_c")).isEqualTo("req-42.a:b_c");
        Set<String> created = new HashSet<>();
        for (String candidate : new String[] {null, "", "bad id", "<script>", "x".repeat(65)}) {
            for (int i = 0; i < 2_000; i++) {
                String id = CorrelationId.acceptOrCreate(candidate);
                UUID uuid = UUID.fromString(id);
                assertThat(uuid.version()).isEqualTo(4);
                assertThat(uuid.variant()).isEqualTo(2);
                created.add(id);
            }
        }
        assertThat(created).hasSize(10_000);
    }
}
