package io.aurum.messaging;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Event ids are version-7 UUIDs: the time first (so they sort by it), then random bits. */
class EventIdsTest {

    @Test
    void versionSevenWithTheMillisecondsFirst() {
        long millis = 1_795_737_600_123L; // 2026-11-27T00:00:00.123Z
        UUID id = EventIds.at(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAndNoneRepeats() {
        Set<UUID> seen = new HashSet<>();
        UUID previous = EventIds.at(1_000L);
        for (long t = 1_001L; t < 101_001L; t++) {
            UUID id = EventIds.at(t);
            assertThat(id.toString()).isGreaterThan(previous.toString()); // text order = PostgreSQL's uuid order
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(EventIds.at(5_000L))).as("ids of the same millisecond differ").isTrue();
        }
    }
}
