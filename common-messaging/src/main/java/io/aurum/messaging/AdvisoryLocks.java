package io.aurum.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL advisory-lock calls in the two-integer key space: {@code (lock class, hashtext(key))}. The classes in use
 * are listed in docs/architecture.md (Reliability).
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Calls {@code function} ({@code pg_advisory_lock}, {@code pg_try_advisory_lock}, {@code pg_advisory_unlock}) for
     * {@code (lockClass, hashtext(key))} on {@code session}; returns its answer (true for {@code pg_advisory_lock}).
     */
    public static boolean call(Connection session, String function, int lockClass, String key) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT " + function + "(" + lockClass + ", hashtext(?))")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                // pg_advisory_lock returns void: it waited until the lock was granted
                return rs.next() && !(rs.getObject(1) instanceof Boolean answer && !answer);
            }
        }
    }
}
