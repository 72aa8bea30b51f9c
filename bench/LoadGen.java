import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A constant-rate HTTP load generator for ./aurum bench (JDK only, run as a single-file program).
 *
 * Requests are scheduled at fixed intervals whatever the server does; each latency is measured from the moment
 * the request was due, not from when it was sent, so a stalled server shows up in the percentiles (corrected for
 * coordinated omission). Loopback targets only.
 *
 *   java bench/LoadGen.java token KEYCLOAK_BASE USER PASSWORD             prints an access token (password grant)
 *   java bench/LoadGen.java once METHOD URL TOKEN [BODY_FILE]             one request; prints status and body
 *   java bench/LoadGen.java probe URL TOKEN TIMEOUT_SECONDS             one GET; prints status, content type and ms
 *                                                                         (status 0: no answer within the timeout)
 *   java bench/LoadGen.java run METHOD URL TOKEN BODY_FILE|- RATE SECONDS WARMUP_SECONDS
 *                                                                         prints one JSON line of results
 *   java bench/LoadGen.java capacity METHOD URL TOKEN BODY_FILE|- SECONDS WARMUP_SECONDS
 *                                                                         the most requests/s the target answers:
 *                                                                         closed loop, each of AURUM_BENCH_CAPACITY_CONNECTIONS
 *                                                                         (16) connections sends its next request as soon as
 *                                                                         the last answer is in; one JSON line
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "token" -> System.out.println(token(args[1], args[2], args[3]));
            case "probe" -> probe(args[1], args[2], Integer.parseInt(args[3]));
            case "once" -> once(args[1], args[2], args[3], args.length > 4 ? Files.readString(Path.of(args[4])) : null);
            case "run" -> run(args[1], args[2], args[3], body(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            case "capacity" -> capacity(args[1], args[2], args[3], body(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("token | probe | once | run | capacity");
        }
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "loadgen-http");
                t.setDaemon(true);
                return t;
            }))
            .build();

    static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.startsWith("127."))) {
            throw new IllegalArgumentException("benchmarks target loopback addresses only, not " + host);
        }
    }

    static String token(String keycloak, String user, String password) throws Exception {
        requireLoopback(keycloak);
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "aurum-cli", "username", user, "password", password);
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/aurum/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    static HttpRequest request(String method, String url, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    static void once(String method, String url, String token, String body) throws Exception {
        requireLoopback(url);
        HttpResponse<String> r = HTTP.send(request(method, url, token, body), HttpResponse.BodyHandlers.ofString());
        System.out.println(r.statusCode() + " " + r.body());
    }

    static void probe(String url, String token, int timeoutSeconds) throws Exception {
        requireLoopback(url);
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(timeoutSeconds)).GET().build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("%d %s %d%n", r.statusCode(), r.headers().firstValue("Content-Type").orElse("-").split(";")[0],
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (java.io.IOException e) {
            System.out.printf("0 %s %d%n", e.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    static void run(String method, String url, String token, String body, int rate, int seconds, int warmup) throws Exception {
        requireLoopback(url);
        Target target = Target.of(method, url, token, body);
        int connections = Integer.parseInt(System.getenv().getOrDefault("AURUM_BENCH_CONNECTIONS", "64"));
        if (warmup > 0) {
            fire(target, connections, rate, warmup);
        }
        Map<String, Object> result = fire(target, connections, rate, seconds);
        StringBuilder json = new StringBuilder("{");
        result.forEach((k, v) -> json.append(json.length() == 1 ? "" : ",").append('"').append(k).append("\":").append(v));
        System.out.println(json.append('}'));
    }

    /** A BODY_FILE argument: the file's text, or no body for "-". */
    static String body(String arg) throws java.io.IOException {
        return "-".equals(arg) ? null : Files.readString(Path.of(arg));
    }

    static void capacity(String method, String url, String token, String body, int seconds, int warmup) throws Exception {
        requireLoopback(url);
        Target target = Target.of(method, url, token, body);
        int connections = Integer.parseInt(System.getenv().getOrDefault("AURUM_BENCH_CAPACITY_CONNECTIONS", "16"));
        if (warmup > 0) {
            saturate(target, connections, warmup);
        }
        long[] counts = saturate(target, connections, seconds);
        System.out.printf("{\"max_rps\":%.1f,\"requests\":%d,\"errors\":%d,\"connections\":%d,\"seconds\":%d}%n",
                counts[0] / (double) seconds, counts[0], counts[1], connections, seconds);
    }

    /**
     * Closed loop for {@code seconds}: every connection sends, reads the whole answer and sends again. Returns the
     * answers received in the window and how many of them were errors (status 0 or ≥ 400).
     */
    static long[] saturate(Target target, int connections, int seconds) throws Exception {
        java.util.concurrent.atomic.AtomicLong answers = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        onEachConnection(target, connections, "capacity-", sender -> {
            while (System.nanoTime() < end) {
                boolean ok = sender.send();
                if (System.nanoTime() <= end) {
                    answers.incrementAndGet();
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
            }
        });
        return new long[] {answers.get(), errors.get()};
    }

    /** One request, written once as HTTP/1.1 bytes and sent as is on keep-alive connections. */
    record Target(String host, int port, byte[] request) {
        static Target of(String method, String url, String token, String body) {
            URI uri = URI.create(url);
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Authorization: Bearer ").append(token).append("\r\n")
                    .append("Accept: application/json\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(payload.length).append("\r\n");
            }
            byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(h, h.length + payload.length);
            System.arraycopy(payload, 0, all, h.length, payload.length);
            return new Target(uri.getHost(), uri.getPort(), all);
        }
    }

    /**
     * Sends {@code rate × seconds} requests, request i due at {@code start + i / rate}, over a fixed set of keep-alive
     * connections (blocking sockets, one thread each, as wrk2 does): a connection takes the next due request, waits
     * until it is due, sends it and reads the whole answer. Latency runs from the due time, so when every connection
     * is busy the queueing counts too (corrected for coordinated omission). Plain sockets instead of the JDK's
     * HttpClient keep the generator's own CPU small — it shares the machine with what it measures.
     */
    static Map<String, Object> fire(Target target, int connections, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        if (total <= 0) {
            throw new IllegalArgumentException("nothing to send: rate " + rate + " × " + seconds + " s");
        }
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        long deadline = start + (seconds + 30L) * 1_000_000_000L;
        onEachConnection(target, connections, "loadgen-", sender -> {
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() > deadline) {
                    latencies[i] = deadline - due;
                    errors.incrementAndGet();
                    continue;
                }
                boolean ok = sender.send();
                latencies[i] = System.nanoTime() - due;
                if (!ok) {
                    errors.incrementAndGet();
                }
            }
        });
        long elapsed = System.nanoTime() - start;
        long[] sorted = Arrays.copyOf(latencies, total);
        Arrays.sort(sorted);
        Map<String, Object> out = new HashMap<>();
        out.put("requests", total);
        out.put("errors", errors.get());
        out.put("target_rps", rate);
        out.put("connections", connections);
        out.put("achieved_rps", String.format("%.1f", total / (elapsed / 1e9)));
        out.put("p50_ms", ms(sorted, 0.50));
        out.put("p90_ms", ms(sorted, 0.90));
        out.put("p99_ms", ms(sorted, 0.99));
        out.put("max_ms", String.format("%.2f", sorted[total - 1] / 1e6));
        return out;
    }

    /** Runs {@code work} on {@code connections} threads, each with its own connection to the target; returns when all are done. */
    static void onEachConnection(Target target, int connections, String threadName,
                                 java.util.function.Consumer<Sender> work) throws InterruptedException {
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            workers[w] = new Thread(() -> {
                Sender sender = new Sender(target);
                try {
                    work.accept(sender);
                } finally {
                    sender.close();
                }
            }, threadName + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    /** One worker's keep-alive connection to the target, opened again after the server closed it or it failed. */
    static final class Sender {
        private final Target target;
        private Connection connection;

        Sender(Target target) {
            this.target = target;
        }

        /** Sends the request and reads the whole answer; false for no answer or a status of 400 or more. */
        boolean send() {
            int status;
            try {
                if (connection == null) {
                    connection = new Connection(target);
                }
                status = connection.exchange(target.request());
                if (connection.closed) {
                    connection = null;
                }
            } catch (java.io.IOException e) {
                status = 0;
                close();
            }
            return status != 0 && status < 400;
        }

        void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    /** A keep-alive HTTP/1.1 connection that reads answers with a Content-Length or chunked bodies. */
    static final class Connection {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.BufferedInputStream in;
        /** the server said Connection: close; the next request needs a new connection */
        boolean closed;

        Connection(Target t) throws java.io.IOException {
            socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new java.net.InetSocketAddress(t.host(), t.port()), 5000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
        }

        int exchange(byte[] request) throws java.io.IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine.length() < 12) {
                throw new java.io.IOException("bad status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = colon < 0 ? h : h.substring(0, colon).trim();
                String value = colon < 0 ? "" : h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase().contains("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                closed = true;
                close();
            }
            return status;
        }

        private void skip(long n) throws java.io.IOException {
            while (n > 0) {
                long k = in.skip(n);
                if (k <= 0) {
                    if (in.read() < 0) {
                        throw new java.io.EOFException();
                    }
                    k = 1;
                }
                n -= k;
            }
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new java.io.EOFException();
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
        }
    }

    static String ms(long[] sorted, double q) {
        return String.format("%.2f", sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6);
    }
}
