package io.aurum.gateway.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which roles may call which method and path, read from a plain policy file (gateway-policy.conf):
 *
 * <pre>
 * # METHODS   PATH                           ROLES
 * GET         /api/clients/**                relationship-manager, team-lead, advisor, compliance-officer, client
 * POST        /api/advice/products           ops-admin, partner
 * </pre>
 *
 * METHODS is a comma list or {@code *}; in PATH {@code *} matches one segment and {@code **} any rest (also
 * none); ROLES is a comma list, {@code authenticated} for any valid token. The first matching rule decides;
 * nothing matches → denied. Pure: no framework types.
 */
public final class RoutePolicy {

    public static final String ANY_AUTHENTICATED = "authenticated";

    public record Rule(int line, Set<String> methods, String path, Pattern pattern, Set<String> roles) {

        boolean matches(String method, String requestPath) {
            return (methods.contains("*") || methods.contains(method)) && pattern.matcher(requestPath).matches();
        }

        public boolean allows(Set<String> callerRoles) {
            return roles.contains(ANY_AUTHENTICATED) || callerRoles.stream().anyMatch(roles::contains);
        }
    }

    public enum Decision { ALLOW, DENY }

    private final List<Rule> rules;

    private RoutePolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RoutePolicy parse(Reader source) throws IOException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            String stripped = text.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String[] parts = stripped.split("\\s+", 3);
            if (parts.length < 3 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("gateway policy line " + line + ": expected METHODS PATH ROLES, got: " + text);
            }
            Set<String> methods = Arrays.stream(parts[0].split(",")).map(m -> m.strip().toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            Set<String> roles = Arrays.stream(parts[2].split(",")).map(String::strip).filter(r -> !r.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            rules.add(new Rule(line, methods, parts[1], compile(parts[1]), roles));
        }
        return new RoutePolicy(rules);
    }

    /** The rule that decides a request, if any rule matches it. */
    public Optional<Rule> ruleFor(String method, String path) {
        String normalised = normalise(path);
        return rules.stream().filter(r -> r.matches(method.toUpperCase(Locale.ROOT), normalised)).findFirst();
    }

    public Decision decide(String method, String path, Set<String> callerRoles) {
        return ruleFor(method, path).filter(r -> r.allows(callerRoles)).map(r -> Decision.ALLOW).orElse(Decision.DENY);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Collapses repeated slashes and drops a trailing one, so "/api//clients/" is judged as "/api/clients". */
    static String normalise(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static Pattern compile(String path) {
        StringBuilder regex = new StringBuilder();
        String[] segments = path.substring(1).split("/");
        for (String segment : segments) {
            if (segment.equals("**")) {
                regex.append("(/.*)?");
            } else if (segment.equals("*")) {
                regex.append("/[^/]+");
            } else {
                regex.append('/').append(Pattern.quote(segment));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
