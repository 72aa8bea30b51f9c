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
import java.util.Random;
import java.util.UUID;

/**
 * advisory-service benchmarks that need data at scale (run by bench/run with the PostgreSQL JDBC driver on the class
 * path). Bench clients are 00000000-be4c-4000-8000-… with display name 'bench-load', removed by {@code cleanup}.
 *
 * <pre>
 *   seed-drift JDBC_URL USER PASSWORD COUNT    COUNT clients with a risk level and holdings in 3–5 asset classes (COPY)
 *   drift-run BASE_URL TOKEN BATCH             POST /api/advice/drift-runs: the service's own timing and the wall clock
 *   cleanup JDBC_URL USER PASSWORD             removes bench clients, their holdings, drift state and unsent events
 * </pre>
 */
public class AdviceBench {

    static final String MARK = "bench-load";
    static final String[] CLASSES = {"CASH", "FIXED_INCOME", "EQUITY", "ALTERNATIVE", "INSURANCE"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed-drift" -> seed(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "drift-run" -> driftRun(args[1], args[2], args[3]);
            case "cleanup" -> cleanup(args[1], args[2], args[3]);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static UUID clientId(int n) {
        return UUID.fromString(String.format("00000000-be4c-4000-8000-%012x", n));
    }

    static void seed(String url, String user, String password, int count) throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(11);
        Path refs = Files.createTempFile("bench-refs", ".tsv");
        Path holdings = Files.createTempFile("bench-holdings", ".tsv");
        long holdingRows = 0;
        try (BufferedWriter r = Files.newBufferedWriter(refs); BufferedWriter h = Files.newBufferedWriter(holdings)) {
            for (int i = 0; i < count; i++) {
                UUID id = clientId(i);
                long total = 0;
                long highRisk = 0;
                for (String c : CLASSES) {
                    if (random.nextInt(5) < 4) {
                        long amount = 10_000 + random.nextInt(3_000_000);
                        total += amount;
                        if ("EQUITY".equals(c) || "ALTERNATIVE".equals(c)) {
                            highRisk += amount / 2;
                        }
                        h.write(id + "\t" + c + "\t" + amount + ".00\n");
                        holdingRows++;
                    }
                }
                r.write(id + "\t" + MARK + "\tACTIVE\tGOLD\tC" + (1 + random.nextInt(5)) + "\t2027-12-31T00:00:00Z\t" + total
                        + ".00\t" + highRisk + ".00\t2026-11-24\t2026-11-24T00:00:00Z\n");
            }
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Reader in = Files.newBufferedReader(refs)) {
                ((PGConnection) c).getCopyAPI().copyIn("COPY client_ref (client_id, display_name, lifecycle_status, tier, risk_level,"
                        + " risk_valid_until, aum_cny, high_risk_cny, holdings_as_of, updated_at) FROM STDIN", in);
            }
            try (Reader in = Files.newBufferedReader(holdings)) {
                ((PGConnection) c).getCopyAPI().copyIn("COPY holding (client_id, asset_class, amount_cny) FROM STDIN", in);
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE client_ref");
                st.execute("ANALYZE holding");
            }
        }
        Files.delete(refs);
        Files.delete(holdings);
        System.out.printf("{\"clients\":%d,\"holdings\":%d,\"seconds\":%.1f}%n", count, holdingRows, (System.nanoTime() - t0) / 1e9);
    }

    static void driftRun(String base, String token, String batch) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/advice/drift-runs?batchSize=" + batch))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("drift run answered " + r.statusCode() + ": " + r.body());
        }
        String body = r.body().trim();
        System.out.printf("{\"wall_seconds\":%.2f,\"batch\":%s,\"outcome\":%s}%n", seconds, batch, body);
    }

    static void cleanup(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            String bench = "SELECT client_id FROM client_ref WHERE display_name = '" + MARK + "'";
            st.execute("DELETE FROM holding WHERE client_id IN (" + bench + ")");
            st.execute("DELETE FROM drift_state WHERE client_id IN (" + bench + ")");
            st.execute("DELETE FROM outbox_event WHERE published_at IS NULL AND message_key LIKE '00000000-be4c-%'");
            st.execute("DELETE FROM client_ref WHERE display_name = '" + MARK + "'");
        }
        System.out.println("{\"cleaned\":true}");
    }
}
