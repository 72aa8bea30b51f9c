package io.aurum.common.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What every value a caller sends must satisfy before the suite computes with it or stores it, whichever way it came
 * (query, path, header, JSON body, upload file, core-banking feed). Each check answers the reason in the bank's words,
 * so that the refusal can name the field and say what is expected.
 *
 * <ul>
 *   <li>Text: no NUL (PostgreSQL cannot store it), no half of a surrogate pair (not a character at all), no invisible
 *   direction or zero-width control (they make a name or a complaint subject read differently from what is stored).
 *   These are refused rather than stripped: the caller learns its text was not taken as sent.</li>
 *   <li>Decimals: at most 18 digits before and 8 after the point — every amount column is numeric(20,2) or narrower and
 *   exchange rates have 8 decimals — checked on the text before any arithmetic, since BigDecimal arithmetic on an
 *   exponent such as 1e-2000000 costs time that grows with the exponent.</li>
 *   <li>Dates and moments: between 1900-01-01 and 2200-12-31, which holds every birth date, review, rate and plan the
 *   bank has, and stays well inside what Java and PostgreSQL represent.</li>
 * </ul>
 */
public final class InputRules {

    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);
    public static final Instant EARLIEST_INSTANT = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant LATEST_INSTANT = LATEST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_FRACTION_DIGITS = 8;
    /** Longer than any decimal the two limits above allow, written with a sign, a point and leading zeros. */
    static final int MAX_DECIMAL_TEXT = 64;

    public static final String DATE_RULE = "must be a date (YYYY-MM-DD) between " + EARLIEST_DATE + " and " + LATEST_DATE;
    public static final String INSTANT_RULE = "must be a date and time with its offset (ISO-8601, e.g. 2026-11-25T09:30:00Z) between "
            + EARLIEST_DATE + " and " + LATEST_DATE;
    public static final String DECIMAL_RULE = "must be a decimal number with at most " + MAX_INTEGER_DIGITS
            + " digits before and " + MAX_FRACTION_DIGITS + " after the point";

    /** A value that breaks one of the rules; the message is the reason in the bank's words (e.g. "must be a date …"). */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String reason) {
            super(reason);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // an expected answer to bad input: a stack trace would cost more than the check
        }
    }

    private InputRules() {
    }

    /** Why the text cannot be taken, or null when it can. */
    public static String textProblem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < '\u007F') {
                continue; // printable ASCII: one comparison pair
            }
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r' || c >= '\u007F' && c <= '\u009F') {
                return "must not contain control characters (found " + codePoint(c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                    if (codePoint >= 0xE0000 && codePoint <= 0xE007F) {
                        return "must not contain invisible tag characters (found U+" + Integer.toHexString(codePoint).toUpperCase() + ")";
                    }
                    i++;
                    continue;
                }
                return "must be valid Unicode text (it holds half of a character, " + codePoint(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text (it holds half of a character, " + codePoint(c) + ")";
            }
            if (isInvisibleControl(c)) {
                return "must not contain invisible direction or zero-width characters (found " + codePoint(c) + ")";
            }
        }
        return null;
    }

    /** The text itself, or {@link Refused} with the reason. */
    public static String text(String text) {
        String problem = textProblem(text);
        if (problem != null) {
            throw new Refused(problem);
        }
        return text;
    }

    /**
     * Characters that change how text looks without being seen: bidirectional marks, embeddings, overrides and isolates
     * (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), zero-width space and joiners (U+200B–U+200D), word joiner
     * and invisible operators (U+2060–U+2064), deprecated format controls (U+206A–U+206F), line and paragraph separators
     * (U+2028–U+2029), the soft hyphen (U+00AD), the Mongolian vowel separator (U+180E), Hangul fillers (U+115F,
     * U+1160, U+3164, U+FFA0), interlinear annotation marks (U+FFF9–U+FFFB) and the zero-width no-break space / byte-order
     * mark (U+FEFF).
     */
    static boolean isInvisibleControl(char c) {
        return c == '\u00AD' || c == '\u061C' || c == '\u115F' || c == '\u1160' || c == '\u180E'
                || (c >= '\u200B' && c <= '\u200F') || (c >= '\u2028' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
                || (c >= '\u2066' && c <= '\u206F') || c == '\u3164' || c == '\uFEFF' || c == '\uFFA0'
                || (c >= '\uFFF9' && c <= '\uFFFB');
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * The decimal a text writes (plain or with an exponent), within {@link #MAX_INTEGER_DIGITS} and
     * {@link #MAX_FRACTION_DIGITS}; trailing zeros after the point do not count. Never negative scale: 1e5 is 100000.
     */
    public static BigDecimal decimal(String text) {
        if (text == null) {
            throw new Refused(DECIMAL_RULE);
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_DECIMAL_TEXT) {
            throw new Refused(DECIMAL_RULE);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            // ASCII only: BigDecimal would also read Arabic-Indic or full-width digits
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw new Refused(DECIMAL_RULE);
            }
        }
        BigDecimal value;
        try {
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new Refused(DECIMAL_RULE);
        }
        return decimal(value);
    }

    /** The decimal itself (scale normalised as in {@link #decimal(String)}) when within the bounds, else {@link Refused}. */
    public static BigDecimal decimal(BigDecimal value) {
        if (value == null) {
            throw new Refused(DECIMAL_RULE);
        }
        if (value.signum() == 0) {
            return value.scale() < 0 || value.scale() > MAX_FRACTION_DIGITS ? BigDecimal.ZERO : value;
        }
        // precision and scale are fields of BigDecimal: both checks cost nothing whatever the exponent
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new Refused(DECIMAL_RULE);
        }
        if (value.scale() > MAX_FRACTION_DIGITS) {
            // a non-zero value with more than 8 fraction digits, after its trailing zeros, has precision above
            // scale - 8; so a scale far beyond the precision is refused before stripping divides anything
            if ((long) value.scale() - value.precision() >= MAX_FRACTION_DIGITS) {
                throw new Refused(DECIMAL_RULE);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > MAX_FRACTION_DIGITS) {
                throw new Refused(DECIMAL_RULE);
            }
            value = stripped;
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** An ISO date (YYYY-MM-DD) between {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, else {@link Refused}. */
    public static LocalDate date(String text) {
        if (text == null) {
            throw new Refused(DATE_RULE);
        }
        String t = text.strip();
        // YYYY-MM-DD only: the ISO parser would also take a sign and up to nine year digits
        if (t.length() != 10) {
            throw new Refused(DATE_RULE);
        }
        try {
            return date(LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeException e) {
            throw new Refused(DATE_RULE);
        }
    }

    /** The date itself when between {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, else {@link Refused}. */
    public static LocalDate date(LocalDate date) {
        if (date == null || date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new Refused(DATE_RULE);
        }
        return date;
    }

    /** Whether a date lies between {@link #EARLIEST_DATE} and {@link #LATEST_DATE}. */
    public static boolean inDateRange(LocalDate date) {
        return date != null && !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /**
     * An ISO-8601 date and time with an offset (2026-11-25T09:30:00Z, 2026-11-25T17:30:00+08:00) between
     * {@link #EARLIEST_DATE} and {@link #LATEST_DATE} (UTC), else {@link Refused}.
     */
    public static Instant instant(String text) {
        if (text == null) {
            throw new Refused(INSTANT_RULE);
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 64) {
            throw new Refused(INSTANT_RULE);
        }
        try {
            return instant(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(t, Instant::from));
        } catch (DateTimeException e) {
            throw new Refused(INSTANT_RULE);
        }
    }

    /** The moment itself when between {@link #EARLIEST_INSTANT} and {@link #LATEST_INSTANT}, else {@link Refused}. */
    public static Instant instant(Instant instant) {
        if (instant == null || instant.isBefore(EARLIEST_INSTANT) || instant.isAfter(LATEST_INSTANT)) {
            throw new Refused(INSTANT_RULE);
        }
        return instant;
    }
}
