import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * client-service benchmarks that need data at scale (run by bench/run with the PostgreSQL JDBC driver on the
 * class path; JDK otherwise). Bench rows are marked (team 'bench-load') and removed by {@code cleanup}.
 *
 * <pre>
 *   seed-clients JDBC_URL USER PASSWORD COUNT                 bench clients via COPY
 *   positions FILE CLIENTS ROWS DAY                            a CSV of ROWS positions over the first CLIENTS bench clients
 *   copy-baseline JDBC_URL USER PASSWORD FILE                  raw COPY of the same CSV into a scratch table: rows/s
 *   upload BASE_URL TOKEN FILE                                 POST /api/aum/uploads, poll the job: rows/s and progress samples
 *   seed-daily JDBC_URL USER PASSWORD COUNT FIRST_DAY DAYS     daily totals for COUNT bench clients (month-end input)
 *   month-end BASE_URL TOKEN MONTH_END                         POST /api/tiering/month-end-runs: seconds
 *   cleanup JDBC_URL USER PASSWORD MONTH_END...                removes bench rows (and the bench's month-end runs)
 * </pre>
 */
public class ClientBench {

    static final String TEAM = "bench-load";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed-clients" -> seedClients(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "positions" -> positions(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            case "copy-baseline" -> copyBaseline(args[1], args[2], args[3], Path.of(args[4]));
            case "upload" -> upload(args[1], args[2], Path.of(args[3]));
            case "seed-daily" -> seedDaily(args[1], args[2], args[3], Integer.parseInt(args[4]), LocalDate.parse(args[5]),
                    Integer.parseInt(args[6]));
            case "month-end" -> monthEnd(args[1], args[2], args[3]);
            case "cleanup" -> cleanup(args[1], args[2], args[3], Arrays.copyOfRange(args, 4, args.length));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** Deterministic ids: bench client n is 00000000-be4c-4000-8000-<n as 12 hex digits>. */
    static UUID clientId(int n) {
        return UUID.fromString(String.format("00000000-be4c-4000-8000-%012x", n));
    }

    static Connection db(String url, String user, String password) throws Exception {
        return DriverManager.getConnection(url, user, password);
    }

    static void seedClients(String url, String user, String password, int count) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = db(url, user, password)) {
            Path tmp = Files.createTempFile("bench-clients", ".tsv");
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                for (int i = 0; i < count; i++) {
                    w.write(clientId(i) + "\tBench client " + i + "\tACTIVE\t" + TEAM + "\t2026-01-01T00:00:00Z\t2026-01-01T00:00:00Z\n");
                }
            }
            try (Reader r = Files.newBufferedReader(tmp)) {
                ((PGConnection) c).getCopyAPI().copyIn("COPY client (id, full_name, lifecycle_status, team, created_at,"
                        + " updated_at) FROM STDIN", r);
            }
            // as registration does: every client has its client_standing row with the tier, MASS to begin with
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO client_standing (client_id, tier) SELECT id, 'MASS' FROM client WHERE team = '" + TEAM
                        + "' ON CONFLICT (client_id) DO NOTHING");
            }
            Files.delete(tmp);
        }
        System.out.printf("{\"clients\":%d,\"seconds\":%.1f}%n", count, (System.nanoTime() - t0) / 1e9);
    }

    static void positions(Path file, int clients, int rows, String day) throws Exception {
        String[] classes = {"CASH", "FIXED_INCOME", "EQUITY", "ALTERNATIVE", "INSURANCE"};
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("as_of,client_id,product_code,asset_class,currency,amount,risk_rating\n");
            for (int i = 0; i < rows; i++) {
                int risk = 1 + random.nextInt(5);
                w.write(day + "," + clientId(i % clients) + ",PRD-" + (i / clients) + "-" + random.nextInt(30) + ","
                        + classes[risk - 1] + ",CNY," + (1000 + random.nextInt(2_000_000)) + "." + String.format("%02d", random.nextInt(100))
                        + "," + risk + "\n");
            }
        }
        System.out.printf("{\"rows\":%d,\"bytes\":%d}%n", rows, Files.size(file));
    }

    static void copyBaseline(String url, String user, String password, Path file) throws Exception {
        try (Connection c = db(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_copy_baseline");
            st.execute("CREATE TABLE bench_copy_baseline (as_of date, client_id uuid, product_code varchar(64),"
                    + " asset_class varchar(20), currency varchar(3), amount numeric(20,2), risk_rating smallint)");
            long t0 = System.nanoTime();
            long rows;
            try (Reader r = Files.newBufferedReader(file)) {
                rows = ((PGConnection) c).getCopyAPI().copyIn("COPY bench_copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)", r);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            st.execute("DROP TABLE bench_copy_baseline");
            System.out.printf("{\"rows\":%d,\"seconds\":%.2f,\"rows_per_s\":%.0f}%n", rows, seconds, rows / seconds);
        }
    }

    static void upload(String base, String token, Path file) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/aum/uploads"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + submitted.statusCode() + ": " + submitted.body());
        }
        double accepted = (System.nanoTime() - t0) / 1e9;
        String location = submitted.headers().firstValue("Location").orElseThrow();
        List<String> samples = new ArrayList<>();
        String job;
        double staged = -1; // first poll that found the file parsed, validated and in the staging table
        while (true) {
            Thread.sleep(250);
            job = http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String status = field(job, "status");
            samples.add(String.format("{\"t\":%.1f,\"status\":\"%s\",\"percent\":%s,\"rows_read\":%s}",
                    (System.nanoTime() - t0) / 1e9, status, field(job, "percent"), field(job, "rowsRead")));
            if (staged < 0 && ("APPLYING".equals(status) || "COMPLETED".equals(status))) {
                staged = (System.nanoTime() - t0) / 1e9;
            }
            if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long loaded = Long.parseLong(field(job, "rowsLoaded"));
        System.out.printf("{\"status\":\"%s\",\"rows_loaded\":%d,\"rows_rejected\":%s,\"clients\":%s,\"accepted_after_s\":%.2f,"
                        + "\"staged_after_s\":%.2f,\"staged_rows_per_s\":%.0f,"
                        + "\"seconds\":%.2f,\"rows_per_s\":%.0f,\"progress\":[%s]}%n", field(job, "status"), loaded,
                field(job, "rowsRejected"), field(job, "clientsAffected"), accepted, staged, loaded / staged, seconds,
                loaded / seconds, String.join(",", samples));
    }

    static void seedDaily(String url, String user, String password, int count, LocalDate first, int days) throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(7);
        try (Connection c = db(url, user, password)) {
            Path tmp = Files.createTempFile("bench-daily", ".tsv");
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                for (int i = 0; i < count; i++) {
                    long base = (long) Math.exp(8 + random.nextDouble() * 9); // ~3k .. ~24M, log-uniform
                    for (int d = 0; d < days; d++) {
                        w.write(clientId(i) + "\t" + first.plusDays(d * 30L) + "\t" + (base + random.nextInt(10_000)) + ".00\t0.00\t0.00\n");
                    }
                }
            }
            try (Reader r = Files.newBufferedReader(tmp)) {
                ((PGConnection) c).getCopyAPI().copyIn("COPY aum_daily (client_id, as_of, total_cny, high_risk_cny, usd_amount) FROM STDIN", r);
            }
            Files.delete(tmp);
            // vacuumed as well as analyzed: a production database's history has long been vacuumed, while these
            // millions of fresh rows would draw autovacuum onto aum_daily, client and client_standing (the clients'
            // standing rows, seeded with them) in the middle of the measured run
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM (ANALYZE) aum_daily");
                st.execute("VACUUM (ANALYZE) client");
                st.execute("VACUUM (ANALYZE) client_standing");
            }
        }
        System.out.printf("{\"clients\":%d,\"rows\":%d,\"seconds\":%.1f}%n", count, (long) count * days, (System.nanoTime() - t0) / 1e9);
    }

    static void monthEnd(String base, String token, String monthEnd) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tiering/month-end-runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"monthEnd\":\"" + monthEnd + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 201) {
            throw new IllegalStateException("month-end answered " + r.statusCode() + ": " + r.body());
        }
        System.out.printf("{\"seconds\":%.2f,\"clients\":%s,\"upgrades\":%s,\"downgrades\":%s,\"in_grace\":%s}%n", seconds,
                field(r.body(), "clients"), field(r.body(), "upgrades"), field(r.body(), "downgrades"), field(r.body(), "inGrace"));
    }

    static void cleanup(String url, String user, String password, String... monthEnds) throws Exception {
        try (Connection c = db(url, user, password); Statement st = c.createStatement()) {
            String bench = "SELECT id FROM client WHERE team = '" + TEAM + "'";
            st.execute("DELETE FROM aum_daily WHERE client_id IN (" + bench + ")");
            st.execute("DELETE FROM aum_position WHERE client_id IN (" + bench + ")");
            st.execute("DELETE FROM tier_change WHERE client_id IN (" + bench + ")");
            st.execute("DELETE FROM coverage_assignment WHERE client_id IN (" + bench + ")");
            // their events are relayed already or never will be of use: drop the unpublished ones
            st.execute("DELETE FROM outbox_event WHERE published_at IS NULL AND message_key LIKE '00000000-be4c-%'");
            st.execute("DELETE FROM client WHERE team = '" + TEAM + "'");
            for (String monthEnd : monthEnds) {
                st.execute("DELETE FROM tiering_run WHERE month_end = DATE '" + LocalDate.parse(monthEnd) + "'");
            }
            // a million deleted clients leave hundreds of MB of empty pages behind, which a plain VACUUM keeps: the
            // next scenario's queries would read them on every batch. What is left is the demo data, so a rewrite is quick
            for (String table : new String[] {"aum_daily", "aum_position", "tier_change", "client_standing", "client"}) {
                st.execute("VACUUM (FULL, ANALYZE) " + table);
            }
        }
        System.out.println("{\"cleaned\":true}");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)\"?").matcher(json);
        return m.find() ? m.group(1) : "null";
    }

}
