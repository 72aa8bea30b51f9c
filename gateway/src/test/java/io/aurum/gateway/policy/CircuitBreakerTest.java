package io.aurum.gateway.policy;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    final AtomicLong now = new AtomicLong();
    final CircuitBreaker breaker = new CircuitBreaker(3, 10_000_000_000L, 1_000_000_000L, now::get);

    @Test
    void opensAfterConsecutiveFailuresAndTriesAgainLater() {
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.allowRequest()).isTrue();
            breaker.onFailure();
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allowRequest()).isFalse();
        now.addAndGet(10_000_000_000L);
        assertThat(breaker.allowRequest()).as("one trial").isTrue();
        assertThat(breaker.allowRequest()).as("only one").isFalse();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(10_000_000_000L);
        assertThat(breaker.allowRequest()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allowRequest()).isTrue();
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void oneSlowTrialDoesNotHoldTheHalfOpenCircuitPastItsLease() {
        for (int i = 0; i < 3; i++) {
            breaker.allowRequest();
            breaker.onFailure();
        }
        now.addAndGet(10_000_000_000L);
        assertThat(breaker.allowRequest()).as("the trial").isTrue();
        now.addAndGet(999_000_000L);
        assertThat(breaker.allowRequest()).as("inside the trial's lease").isFalse();
        now.addAndGet(1_000_000L);
        assertThat(breaker.allowRequest()).as("the lease ran out: a second trial").isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
