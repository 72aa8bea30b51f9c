package io.aurum.common.pii;

/**
 * Masks personal data for roles that do not need it (product brief, Privacy): keep just enough
 * to recognise the value, e.g. {@code 110***********1234}.
 */
public final class Masking {

    private Masking() {
    }

    /** Identity numbers: first 3 and last 4 characters visible. */
    public static String identityNumber(String value) {
        return keepEnds(value, 3, 4);
    }

    /** Phone numbers: first 3 and last 4 digits visible ({@code 138****5678}). */
    public static String phone(String value) {
        return keepEnds(value, 3, 4);
    }

    /** E-mail: first character of the local part and the whole domain ({@code z***@bank.cn}). */
    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        if (at <= 0) {
            return keepEnds(value, 1, 0);
        }
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** Postal addresses: the first 6 characters (city, district) and nothing of the street. */
    public static String address(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 6 ? "*".repeat(value.length()) : value.substring(0, 6) + "***";
    }

    static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n <= head + tail) {
            return "*".repeat(n);
        }
        return value.substring(0, head) + "*".repeat(n - head - tail) + value.substring(n - tail);
    }
}
