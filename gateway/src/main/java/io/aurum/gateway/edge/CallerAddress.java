package io.aurum.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who the caller is on the network. The connection's address, unless that is a trusted proxy (the ingress), in which
 * case the right-most X-Forwarded-For entry that is not a trusted proxy: entries further left were written by the
 * caller and prove nothing. Trusted proxies are addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}). Pure.
 */
public final class CallerAddress {

    private record Block(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> trustedProxies;

    public CallerAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(t -> !t.isEmpty()).map(CallerAddress::block).toList();
    }

    private static Block block(String spec) {
        int slash = spec.indexOf('/');
        byte[] network = literal(slash < 0 ? spec : spec.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("aurum.gateway.trusted-proxies: not an IP address or CIDR block: " + spec);
        }
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(spec.substring(slash + 1));
        return new Block(network, Math.min(bits, network.length * 8));
    }

    /** The bytes of an IP literal; null for anything else (never a DNS look-up). */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private boolean trusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trustedProxies.stream().anyMatch(b -> b.contains(bytes));
    }

    /** The caller's address for limits and logs. */
    public String of(String connectionAddress, String forwardedFor) {
        if (connectionAddress == null || forwardedFor == null || !trusted(connectionAddress)) {
            return connectionAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted(hop)) {
                return hop;
            }
        }
        return connectionAddress;
    }

    /** The X-Forwarded-For to send upstream: a trusted proxy's chain extended by it, else the connection alone. */
    public String forwardedFor(String connectionAddress, String forwardedFor) {
        if (connectionAddress != null && forwardedFor != null && !forwardedFor.isBlank() && trusted(connectionAddress)) {
            return forwardedFor.strip() + ", " + connectionAddress;
        }
        return connectionAddress;
    }
}
