package io.aurum.gateway.edge;

import java.util.Base64;

/**
 * A cheap look at a bearer token before any signature is checked: a JWT the realm could have signed is three
 * base64url parts of bounded length whose header is a JSON object naming an asymmetric algorithm. Anything else is
 * refused here for the price of a scan, so garbage never costs a JSON parse or an RSA verification. A token that
 * passes is still verified in full by quarkus-oidc. Pure.
 */
public final class TokenShape {

    /** Keycloak's access tokens are 1–3 KB; realm roles and groups could grow them, never to this. */
    static final int MAX_LENGTH = 16_384;
    private static final int MAX_HEADER = 1_024;
    private static final java.util.regex.Pattern ASYMMETRIC = java.util.regex.Pattern.compile("\"alg\"\\s*:\\s*\"(RS|PS|ES)(256|384|512)\"");

    private TokenShape() {
    }

    /** The token of an {@code Authorization: Bearer …} header value; null when the header is absent or not Bearer. */
    public static String bearer(String authorization) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    /** Whether the token could be a signed JWT of the realm. */
    public static boolean plausible(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return false;
        }
        int firstDot = -1;
        int secondDot = -1;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (firstDot < 0) {
                    firstDot = i;
                } else if (secondDot < 0) {
                    secondDot = i;
                } else {
                    return false; // a JWE has five parts; the realm issues signed tokens only
                }
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        if (firstDot <= 0 || secondDot <= firstDot + 1 || secondDot == token.length() - 1 || firstDot > MAX_HEADER) {
            return false;
        }
        String header;
        try {
            header = new String(Base64.getUrlDecoder().decode(token.substring(0, firstDot)), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        header = header.strip();
        return header.startsWith("{") && header.endsWith("}") && ASYMMETRIC.matcher(header).find();
    }
}
