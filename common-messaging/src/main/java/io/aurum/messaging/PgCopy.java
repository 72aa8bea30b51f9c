package io.aurum.messaging;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streams rows into PostgreSQL with {@code COPY … FROM STDIN} (text format): what set-based jobs use instead of
 * JDBC batches for hundreds of thousands of rows. Closing the writer ends the COPY.
 */
public final class PgCopy {

    private PgCopy() {
    }

    /** A buffered UTF-8 writer into {@code copySql}; write tab-separated rows ending in {@code \n}, {@code \N} for null. */
    public static Writer writer(Connection connection, String copySql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                copySql, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    public static String text(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? value : escaped.toString();
    }
}
