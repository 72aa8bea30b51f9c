package io.aurum.gateway.edge;

import java.util.List;
import java.util.Set;

/**
 * Who the caller is on the network. The connection's address, unless that is a trusted proxy (the ingress), in which
 * case the right-most X-Forwarded-For entry that is not a trusted proxy: entries further left were written by the
 * caller and prove nothing. Pure.
 */
public final class CallerAddress {

    private final Set<String> trustedProxies;

    public CallerAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** The caller's address for limits and logs. */
    public String of(String connectionAddress, String forwardedFor) {
        if (connectionAddress == null || !trustedProxies.contains(connectionAddress) || forwardedFor == null) {
            return connectionAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return connectionAddress;
    }

    /** The X-Forwarded-For to send upstream: a trusted proxy's chain extended by it, else the connection alone. */
    public String forwardedFor(String connectionAddress, String forwardedFor) {
        if (connectionAddress != null && trustedProxies.contains(connectionAddress) && forwardedFor != null
                && !forwardedFor.isBlank()) {
            return forwardedFor.strip() + ", " + connectionAddress;
        }
        return connectionAddress;
    }
}
