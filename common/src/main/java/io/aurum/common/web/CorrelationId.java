package io.aurum.common.web;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The correlation id of the work in progress, kept in the logging MDC so every log line carries it. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {
    }

    /** A caller-supplied id is kept when it is well-formed; anything else is replaced, never echoed back. */
    public static String acceptOrCreate(String candidate) {
        if (candidate != null && ACCEPTED.matcher(candidate).matches()) {
            return candidate;
        }
        // unique, not secret: a random UUID from the thread's generator, not SecureRandom (whose /dev/urandom reads
        // under a lock were 2.5 % of a profile read's CPU)
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, // version 4
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString(); // IETF variant
    }

    /** A caller-supplied id when well-formed, else null. */
    public static String acceptedOrNull(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : null;
    }

    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    public static void set(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }
}
