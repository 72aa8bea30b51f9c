package io.aurum.messaging;

import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch waits while the database cannot be reached, and fails at once for anything else. */
class BatchApplyTest {

    @Test
    void anUnreachableDatabaseIsWaitedForNotDeadLettered() {
        AtomicInteger calls = new AtomicInteger();
        BatchApply.untilAvailable(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("apply failed",
                        new SQLTransientConnectionException("Connection to 127.0.0.1:55432 refused", "08001"));
            }
        });
        assertThat(calls).hasValue(3); // waited 1 s, then 2 s, then it worked
    }

    @Test
    void anyOtherFailureIsReturnedAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> BatchApply.untilAvailable(() -> {
            calls.incrementAndGet();
            throw new PoisonMessageException("not an event");
        })).isInstanceOf(PoisonMessageException.class);
        assertThat(calls).hasValue(1);
    }
}
