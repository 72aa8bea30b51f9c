package io.aurum.gateway.policy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    final AtomicLong now = new AtomicLong();
    final RateLimiter limiter = new RateLimiter(now::get);
    final RateLimiter.Quota quota = new RateLimiter.Quota("partner", 2, 3);

    @Test
    void aBurstThenTheSteadyRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("p1", quota).allowed()).isTrue();
        }
        RateLimiter.Outcome refused = limiter.acquire("p1", quota);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.acquire("p2", quota).allowed()).as("callers have their own buckets").isTrue();
        now.addAndGet(500_000_000L); // half a second at 2/s: one token back
        assertThat(limiter.acquire("p1", quota).allowed()).isTrue();
        assertThat(limiter.acquire("p1", quota).allowed()).isFalse();
    }

    @Test
    void idleCallersAreForgotten() {
        limiter.acquire("p1", quota);
        now.addAndGet(120_000_000_000L);
        limiter.acquire("p2", quota);
        limiter.evictIdle(60_000_000_000L);
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Property
    void neverMoreThanBurstPlusRateTimesElapsed(@ForAll @IntRange(min = 1, max = 400) int requests,
                                                 @ForAll @IntRange(min = 0, max = 50) int millisBetween) {
        AtomicLong clock = new AtomicLong();
        RateLimiter l = new RateLimiter(clock::get);
        RateLimiter.Quota q = new RateLimiter.Quota("q", 10, 5);
        int allowed = 0;
        for (int i = 0; i < requests; i++) {
            if (l.acquire("c", q).allowed()) {
                allowed++;
            }
            clock.addAndGet(millisBetween * 1_000_000L);
        }
        double elapsedSeconds = (requests - 1) * millisBetween / 1000.0;
        assertThat(allowed).isLessThanOrEqualTo((int) Math.floor(5 + 10 * elapsedSeconds) + 1);
    }
}
