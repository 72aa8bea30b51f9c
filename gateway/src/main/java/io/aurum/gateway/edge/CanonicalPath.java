package io.aurum.gateway.edge;

import java.util.Locale;

/**
 * Whether a request path is in the one spelling the route policy decides on. Vert.x routes on a normalised path
 * (dot segments resolved, some escapes decoded) while the policy and the upstream would see the raw one, so
 * {@code /api/clients/../risk/reports} or {@code /api/risk/%2e%2e/clients} could be judged as one route and served as
 * another. Rather than resolve such paths (and guess what the caller meant), the gateway refuses every path that is
 * not already canonical; no client the bank ships ever sends one. Pure.
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Null when {@code path} (the raw path, without query) is canonical; otherwise why not, in the caller's words. */
    public static String problem(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return "the path must start with /";
        }
        if (path.length() > 1 && path.endsWith("/")) {
            return "the path must not end with /";
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String forbidden : new String[]{"%2e", "%2f", "%5c", "%00", "%25", "%3b"}) {
            if (lower.contains(forbidden)) {
                return "the path must not encode '.', '/', '\\', ';', '%' or NUL";
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ';') {
                return "the path must not carry ;parameters";
            }
            if (c == '\\' || c < 0x21 || c == 0x7f) {
                return "the path must not contain backslashes, spaces or control characters";
            }
        }
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            if (segment.isEmpty() && end < path.length()) {
                return "the path must not contain empty segments (//)";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "the path must not contain . or .. segments";
            }
            start = end + 1;
        }
        return null;
    }
}
