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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "token" -> System.out.println(token(args[1], args[2], args[3]));
            case "probe" -> probe(args[1], args[2], Integer.parseInt(args[3]));
            case "once" -> once(args[1], args[2], args[3], args.length > 4 ? Files.readString(Path.of(args[4])) : null);
            case "run" -> run(args[1], args[2], args[3], "-".equals(args[4]) ? null : Files.readString(Path.of(args[4])),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            default -> throw new IllegalArgumentException("token | once | run");
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
        HttpRequest req = request(method, url, token, body);
        if (warmup > 0) {
            fire(req, rate, warmup);
        }
        Map<String, Object> result = fire(req, rate, seconds);
        StringBuilder json = new StringBuilder("{");
        result.forEach((k, v) -> json.append(json.length() == 1 ? "" : ",").append('"').append(k).append("\":").append(v));
        System.out.println(json.append('}'));
    }

    static Map<String, Object> fire(HttpRequest req, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            // send every request that is due by now (catching up if the ticker was late)
            long now = System.nanoTime();
            while (true) {
                int i = next.get();
                if (i >= total || start + i * intervalNanos > now) {
                    break;
                }
                next.incrementAndGet();
                long due = start + i * intervalNanos;
                HTTP.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, t) -> {
                    latencies[i] = System.nanoTime() - due;
                    if (t != null || r.statusCode() >= 400) {
                        errors.incrementAndGet();
                    }
                    done.countDown();
                });
            }
        }, 0, Math.max(100_000, intervalNanos / 2), TimeUnit.NANOSECONDS);
        boolean finished = done.await(seconds + 30L, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        ticker.shutdownNow();
        long[] sorted = Arrays.copyOf(latencies, total);
        Arrays.sort(sorted);
        Map<String, Object> out = new HashMap<>();
        out.put("requests", total);
        out.put("errors", errors.get() + (finished ? 0 : (int) done.getCount()));
        out.put("target_rps", rate);
        out.put("achieved_rps", String.format("%.1f", total / (elapsed / 1e9)));
        out.put("p50_ms", ms(sorted, 0.50));
        out.put("p90_ms", ms(sorted, 0.90));
        out.put("p99_ms", ms(sorted, 0.99));
        out.put("max_ms", String.format("%.2f", sorted[total - 1] / 1e6));
        return out;
    }

    static String ms(long[] sorted, double q) {
        return String.format("%.2f", sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6);
    }
}
