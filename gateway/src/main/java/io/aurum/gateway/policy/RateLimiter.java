package io.aurum.gateway.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per caller and quota: each caller may burst up to {@code burst} requests and then
 * {@code perSecond} requests a second. Pure apart from the injectable clock (nanoseconds).
 */
public final class RateLimiter {

    public record Quota(String name, double perSecond, int burst) {
        public Quota {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("quota " + name + " needs perSecond > 0 and burst >= 1");
            }
        }
    }

    /** Allowed, or refused with the seconds after which a retry can succeed (for Retry-After). */
    public record Outcome(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;
        long lastUsed;
    }

    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public Outcome acquire(String caller, Quota quota) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(quota.name() + "|" + caller, k -> {
            Bucket b = new Bucket();
            b.tokens = quota.burst();
            b.refilledAt = now;
            return b;
        });
        synchronized (bucket) {
            double elapsed = (now - bucket.refilledAt) / 1e9;
            bucket.tokens = Math.min(quota.burst(), bucket.tokens + elapsed * quota.perSecond());
            bucket.refilledAt = now;
            bucket.lastUsed = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Outcome(true, 0);
            }
            double wait = (1 - bucket.tokens) / quota.perSecond();
            return new Outcome(false, Math.max(1, (long) Math.ceil(wait)));
        }
    }

    /** Forgets callers idle for longer than {@code idleNanos} (a full bucket is the same as no bucket). */
    public void evictIdle(long idleNanos) {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(b -> now - b.lastUsed > idleNanos);
    }

    int size() {
        return buckets.size();
    }
}
