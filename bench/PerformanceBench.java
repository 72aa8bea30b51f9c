import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The month figures (issue 11) at bank scale: seeds engagement-service's database with CLIENTS bench clients spread
 * over RMS relationship managers (20 teams), a daily AUM history per client over the month and the day before it,
 * tier moves, contacts, tasks, complaints, NPS answers, benefits used — then closes the month through the API and
 * reads every RM's and every team's figures.
 * <pre>
 *   seed ENG_DB CLIENTS RMS MONTH        set-based INSERT … SELECT generate_series (one transaction); prints counts, seconds
 *   close BASE TOKEN MONTH               POST /api/engagement/jobs/month-close?month=MONTH (direct to engagement-service)
 *   read BASE TOKEN MONTH RMS            GET every RM's figures and every team's, sequentially: latency percentiles
 *   cleanup ENG_DB                       removes everything the bench seeded or computed for its clients (the points
 *                                        ledger's append-only trigger is lifted inside that one transaction only)
 * </pre>
 * Bench clients are 00000000-be4c-4000-8000-…, bench RMs 00000000-be4d-4000-8000-…; DB arguments JDBC_URL,USER,PASSWORD.
 */
public class PerformanceBench {

    static final String CLIENT = "cast('00000000-be4c-4000-8000-' || lpad(to_hex(n), 12, '0') AS uuid)";
    static final String BENCH = "'00000000-be4c-4000-8000-000000000000' AND '00000000-be4c-4000-8000-ffffffffffff'";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            case "close" -> close(args[1], args[2], args[3]);
            case "read" -> read(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "cleanup" -> cleanup(args[1]);
            default -> throw new IllegalArgumentException("seed | close | read | cleanup");
        }
    }

    static Connection db(String spec) throws Exception {
        String[] p = spec.split(",");
        return DriverManager.getConnection(p[0], p[1], p[2]);
    }

    static void seed(String engDb, int clients, int rms, String month) throws Exception {
        long t0 = System.nanoTime();
        String start = "cast('" + month + "-01' AS date)";
        String last = "(" + start + " + interval '1 month' - interval '1 day')::date";
        String rm = "cast('00000000-be4d-4000-8000-' || lpad(to_hex(n % " + rms + "), 12, '0') AS uuid)";
        String team = "'bench-team-' || ((n % " + rms + ") % 20)";
        try (Connection c = db(engDb); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL synchronous_commit = off");
            st.execute("INSERT INTO client_card (client_id, full_name, lifecycle_status, tier, primary_rm_id, team, last_event_id, updated_at,"
                    + " cadence_anchor_at) SELECT " + CLIENT + ", 'bench ' || n, 'ACTIVE', (ARRAY['MASS','VIP','GOLD','PLATINUM','DIAMOND','PRIVATE'])[1 + n % 6], "
                    + rm + ", " + team + ", gen_random_uuid(), now(), now() FROM generate_series(0, " + (clients - 1) + ") n");
            st.execute("INSERT INTO book_assignment (client_id, valid_from, primary_rm_id, team, event_id) SELECT " + CLIENT + ", "
                    + start + " - interval '90 days', " + rm + ", " + team + ", gen_random_uuid() FROM generate_series(0, " + (clients - 1) + ") n");
            // one total per client and day: the day before the month and every day of it, three asset classes
            st.execute("INSERT INTO aum_daily (client_id, as_of, aum_cny, cash_cny, fixed_income_cny, equity_cny, event_id) SELECT " + CLIENT
                    + ", d::date, round(v, 2), round(v * 0.2, 2), round(v * 0.5, 2), round(v, 2) - round(v * 0.2, 2) - round(v * 0.5, 2), "
                    + "gen_random_uuid() FROM generate_series(0, " + (clients - 1) + ") n CROSS JOIN generate_series(" + start
                    + " - 1, " + last + ", interval '1 day') d CROSS JOIN LATERAL (SELECT (50000 + (n % 997) * 10000) * (1 + extract(day FROM d) / 1000.0) AS v) x");
            st.execute("INSERT INTO tier_change (event_id, client_id, from_tier, to_tier, direction, changed_on, occurred_at) SELECT gen_random_uuid(), "
                    + CLIENT + ", 'GOLD', 'PLATINUM', CASE WHEN n % 2 = 0 THEN 'UPGRADE' ELSE 'DOWNGRADE' END, " + start + " + (n % 28), now()"
                    + " FROM generate_series(0, " + (clients - 1) + ", 20) n");
            st.execute("INSERT INTO interaction (id, client_id, staff_id, team, channel, occurred_at, meaningful, created_by, created_at)"
                    + " SELECT gen_random_uuid(), " + CLIENT + ", " + rm + ", " + team + ", 'CALL', " + last + " - (n % 90) + time '10:00', true,"
                    + " 'bench', now() FROM generate_series(0, " + (clients - 1) + ") n");
            st.execute("INSERT INTO task (id, client_id, owner_id, team, type, priority, status, title, due_at, created_by, created_at, updated_at,"
                    + " completed_at) SELECT gen_random_uuid(), " + CLIENT + ", " + rm + ", " + team + ", 'FOLLOW_UP', 'NORMAL',"
                    + " CASE WHEN (n + k) % 3 = 0 THEN 'OPEN' ELSE 'DONE' END, 'bench', " + start + " + ((n + k) % 28) + time '09:00', 'bench', now(), now(),"
                    + " CASE WHEN (n + k) % 3 = 0 THEN null ELSE " + start + " + ((n + k) % 28) + time '08:00' + (((n + k) % 2) * interval '2 days') END"
                    + " FROM generate_series(0, " + (clients - 1) + ") n CROSS JOIN generate_series(0, 1) k");
            st.execute("INSERT INTO complaint (id, client_id, team, owner_id, category, severity, status, channel, subject, description,"
                    + " received_at, ack_due_at, resolve_due_at, resolved_at, created_by) SELECT gen_random_uuid(), " + CLIENT + ", " + team + ", "
                    + rm + ", 'SERVICE', 'LOW', 'RESOLVED', 'APP', 'bench', 'bench', " + start + " + (n % 20) + time '09:00', "
                    + start + " + (n % 20) + 1, " + start + " + (n % 20) + 15, " + start + " + (n % 20) + 3, 'bench'"
                    + " FROM generate_series(0, " + (clients - 1) + ", 100) n");
            st.execute("INSERT INTO survey (id, client_id, interaction_id, sent_at, answered_at, nps) SELECT gen_random_uuid(), i.client_id, i.id,"
                    + " " + start + " + 1, " + start + " + 2, (abs(hashtext(i.id::text)) % 11) FROM interaction i"
                    + " WHERE i.client_id BETWEEN " + BENCH + " AND i.created_by = 'bench' AND abs(hashtext(i.id::text)) % 10 = 0");
            st.execute("INSERT INTO benefit_use (id, client_id, benefit_code, used_on, used_year, recorded_by, recorded_at) SELECT gen_random_uuid(), "
                    + CLIENT + ", 'AIRPORT-LOUNGE', " + start + " + (n % 28), extract(year FROM " + start + "), 'bench', now()"
                    + " FROM generate_series(0, " + (clients - 1) + ", 25) n");
            c.commit();
            st.execute("ANALYZE client_card; ANALYZE book_assignment; ANALYZE aum_daily; ANALYZE tier_change; ANALYZE interaction;"
                    + " ANALYZE task; ANALYZE complaint; ANALYZE survey; ANALYZE benefit_use");
            c.commit();
            long days;
            try (var rs = st.executeQuery("SELECT count(*) FROM aum_daily WHERE client_id BETWEEN " + BENCH)) {
                rs.next();
                days = rs.getLong(1);
            }
            System.out.printf("{\"clients\":%d,\"rms\":%d,\"aum_days\":%d,\"seconds\":%.1f}%n", clients, rms, days, (System.nanoTime() - t0) / 1e9);
        }
    }

    static void close(String base, String token, String month) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/engagement/jobs/month-close?month=" + month))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        double wall = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("month-close answered " + r.statusCode() + ": " + r.body());
        }
        System.out.printf("{\"status\":%d,\"wall_seconds\":%.1f,\"answer\":%s}%n", r.statusCode(), wall, r.body());
    }

    static void read(String base, String token, String month, int rms) throws Exception {
        List<Long> rm = new ArrayList<>();
        List<Long> team = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < rms; i++) {
            failed += get(base + "/api/engagement/performance/rms/" + String.format("00000000-be4d-4000-8000-%012x", i) + "?month=" + month, token, rm);
        }
        for (int t = 0; t < 20; t++) {
            failed += get(base + "/api/engagement/performance/teams/bench-team-" + t + "?month=" + month, token, team);
        }
        for (int i = 0; i < rms; i++) {
            failed += get(base + "/api/engagement/performance/rms/" + String.format("00000000-be4d-4000-8000-%012x", i)
                    + "/clients?figure=TASKS_LATE&limit=100&month=" + month, token, new ArrayList<>());
        }
        System.out.printf("{\"rm_reads\":%s,\"team_reads\":%s,\"failed\":%d}%n", percentiles(rm), percentiles(team), failed);
    }

    static int get(String url, String token, List<Long> into) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        into.add((System.nanoTime() - t0) / 1_000_000);
        return r.statusCode() == 200 ? 0 : 1;
    }

    static void cleanup(String engDb) throws Exception {
        try (Connection c = db(engDb); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String table : List.of("client_month", "aum_daily", "tier_change", "book_assignment", "survey", "interaction", "task",
                    "complaint", "benefit_use", "points_account", "client_card")) {
                st.execute("DELETE FROM " + table + " WHERE client_id BETWEEN " + BENCH);
            }
            st.execute("ALTER TABLE points_entry DISABLE TRIGGER points_entry_append_only");
            st.execute("DELETE FROM points_entry WHERE client_id BETWEEN " + BENCH);
            st.execute("ALTER TABLE points_entry ENABLE TRIGGER points_entry_append_only");
            c.commit();
        }
        System.out.println("{\"cleaned\":true}");
    }

    static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "null";
        }
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return String.format("{\"n\":%d,\"p50\":%d,\"p90\":%d,\"p99\":%d,\"max\":%d}", v.length, v[(int) (v.length * 0.50)],
                v[(int) Math.min(v.length - 1, v.length * 0.90)], v[(int) Math.min(v.length - 1, v.length * 0.99)], v[v.length - 1]);
    }
}
