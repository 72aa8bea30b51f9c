package io.aurum.advisory.proposals;

import io.aurum.advisory.domain.ProductType;

import java.time.Duration;
import java.time.Instant;

/**
 * Private products' cooling-off (冷静期): accepting a proposal that holds one is final only once the period has passed,
 * and until then the client may withdraw. Pure.
 */
public final class CoolingOff {

    private CoolingOff() {
    }

    /** Private funds always, and any product the shelf marks private (trusts and the like). */
    public static boolean applies(ProductType type, boolean privateProduct) {
        return privateProduct || type == ProductType.PRIVATE_FUND;
    }

    /** When an acceptance given at {@code acceptedAt} becomes final; null when it is final at once. */
    public static Instant until(Instant acceptedAt, Duration period, boolean anyPrivate) {
        return anyPrivate && !period.isZero() && !period.isNegative() ? acceptedAt.plus(period) : null;
    }

    /** The client may still withdraw at {@code now}. */
    public static boolean mayCancel(Instant now, Instant until) {
        return until != null && now.isBefore(until);
    }

    /** At {@code now} the acceptance has become final. */
    public static boolean isOver(Instant now, Instant until) {
        return until == null || !now.isBefore(until);
    }
}
