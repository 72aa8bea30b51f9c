import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile connections for the edge benchmark (loopback only, bounded in time): holds N connections that send a
 * request body at one byte a second and N that send their headers at one byte a second, reopening each as soon as
 * the gateway answers or closes it, for the given seconds; then prints one JSON line with what the gateway answered.
 *
 *   java bench/EdgeAttack.java hold HOST PORT PATH TOKEN SLOW_BODIES SLOW_HEADERS SECONDS
 */
public class EdgeAttack {

    static final Map<String, AtomicLong> OUTCOMES = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (!"hold".equals(args[0])) {
            throw new IllegalArgumentException("hold HOST PORT PATH TOKEN SLOW_BODIES SLOW_HEADERS SECONDS");
        }
        String host = args[1];
        if (!host.startsWith("127.") && !host.equals("localhost")) {
            throw new IllegalArgumentException("loopback only");
        }
        int port = Integer.parseInt(args[2]);
        String path = args[3];
        String token = args[4];
        int bodies = Integer.parseInt(args[5]);
        int headers = Integer.parseInt(args[6]);
        long until = System.nanoTime() + Long.parseLong(args[7]) * 1_000_000_000L;
        Thread[] threads = new Thread[bodies + headers];
        for (int i = 0; i < threads.length; i++) {
            boolean body = i < bodies;
            threads[i] = new Thread(() -> {
                while (System.nanoTime() < until) {
                    String outcome = body ? slowBody(host, port, path, token, until) : slowHeader(host, port, path, until);
                    OUTCOMES.computeIfAbsent((body ? "slow_body " : "slow_header ") + outcome, k -> new AtomicLong()).incrementAndGet();
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(OUTCOMES).forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v.get()));
        System.out.println(json.append('}'));
        System.exit(0);
    }

    static String slowBody(String host, int port, String path, String token, long until) {
        String head = "PATCH " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/merge-patch+json\r\nIf-Match: \"1\"\r\nContent-Length: 1000\r\n\r\n";
        return trickle(host, port, head.getBytes(StandardCharsets.US_ASCII), "{\"branch\":\"" + "x".repeat(1000), until);
    }

    static String slowHeader(String host, int port, String path, long until) {
        return trickle(host, port, ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n").getBytes(StandardCharsets.US_ASCII),
                "X-Slow: " + "y".repeat(10_000), until);
    }

    /** Sends {@code first} at once, then {@code rest} one byte a second; returns the status the gateway answered, or how it ended. */
    static String trickle(String host, int port, byte[] first, String rest, long until) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(first);
            out.flush();
            for (int i = 0; i < rest.length() && System.nanoTime() < until; i++) {
                out.write(rest.charAt(i));
                out.flush();
                try {
                    byte[] answer = new byte[12];
                    int n = in.read(answer);
                    if (n < 0) {
                        return "closed";
                    }
                    String line = new String(answer, 0, n, StandardCharsets.US_ASCII);
                    return line.startsWith("HTTP/1.1 ") && n >= 12 ? line.substring(9, 12) : "answered";
                } catch (java.net.SocketTimeoutException stillWaiting) {
                    // nothing yet: the next byte, a second later
                }
            }
            return "held";
        } catch (java.io.IOException e) {
            return "closed";
        }
    }
}
