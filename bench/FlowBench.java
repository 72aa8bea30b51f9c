import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Event flow benchmarks across services (run by bench/run with kafka-clients and the PostgreSQL driver on the class
 * path, taken from the built engagement-service). Bench clients are 00000000-be4c-4000-8000-… (seeded in client-service
 * by ClientBench); their engagement tasks are removed by {@code cleanup}.
 *
 * <pre>
 *   outflow-to-task KAFKA CLIENT_DB ENG_DB CLIENTS RATE
 *       core.positions: day 1 (1,000,000 CNY) for every bench client at full speed, then day 2 (100,000: a 90% outflow)
 *       at RATE messages/s. client-service applies each (outbox: LargeOutflowDetected) and engagement-service makes a
 *       RETENTION_CALL task. Latency per event: from the outbox insert in client-service's transaction, and from the
 *       moment the message was sent, to the task's insert in engagement-service. Counts tasks: zero lost means CLIENTS.
 *   consume KAFKA ENG_DB COUNT
 *       COUNT LargeOutflowDetected envelopes written straight to client.aum as fast as the producer goes; the time until
 *       engagement-service has made every task: its consumer throughput (events/s).
 *   drain KAFKA TIMEOUT_S DB...                     waits until every DB's outbox has sent everything and every consumer
 *       group has read every topic to its end, twice in a row a second apart (or TIMEOUT_S): nothing left over from a
 *       previous step runs alongside the next measurement
 *   cleanup ENG_DB                                  removes the bench clients' tasks and their unsent events
 *   send-upgrades KAFKA COUNT RATE                  core.positions: for bench clients 0..COUNT-1, CNY 1.2 million 100 days
 *       ago and yesterday (the 3-month average reaches PLATINUM: one upgrade per client), RATE clients/s; the producer
 *       is idempotent with acks=all and retries for two minutes, so a broker outage delays messages but loses none
 *   count-once CLIENT_DB ENG_DB COUNT TIMEOUT_S     waits until COUNT bench clients were upgraded and have a welcome-call
 *       task (or the timeout), then counts tier changes and tasks in total and per client: exactly once means
 *       COUNT of each and no duplicates
 * DB arguments are JDBC_URL,USER,PASSWORD.
 * </pre>
 */
public class FlowBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "outflow-to-task" -> outflowToTask(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "consume" -> consume(args[1], args[2], Integer.parseInt(args[3]));
            case "cleanup" -> cleanup(args[1]);
            case "drain" -> System.out.printf("{\"drained_in_s\":%.1f}%n",
                    drain(args[1], Arrays.asList(args).subList(3, args.length), Integer.parseInt(args[2]) * 1000L));
            case "send-upgrades" -> sendUpgrades(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "count-once" -> countOnce(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static UUID clientId(int n) {
        return UUID.fromString(String.format("00000000-be4c-4000-8000-%012x", n));
    }

    static Connection db(String spec) throws Exception {
        String[] p = spec.split(",");
        return DriverManager.getConnection(p[0], p[1], p[2]);
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "0"));
    }

    static String positions(UUID client, LocalDate day, String amount) {
        return "{\"clientId\":\"" + client + "\",\"asOf\":\"" + day + "\",\"positions\":[{\"productCode\":\"BENCH-WMP\","
                + "\"assetClass\":\"FIXED_INCOME\",\"currency\":\"CNY\",\"amount\":\"" + amount + "\",\"riskRating\":2}]}";
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void waitFor(Connection c, String sql, long expected, long timeoutMs) throws Exception {
        long until = System.currentTimeMillis() + timeoutMs;
        while (count(c, sql) < expected && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
    }

    static void outflowToTask(String kafka, String clientDb, String engDb, int clients, int rate) throws Exception {
        LocalDate day2 = LocalDate.now().minusDays(1);
        LocalDate day1 = day2.minusDays(1);
        String bench = "'00000000-be4c-4000-8000-000000000000' AND '00000000-be4c-4000-8000-ffffffffffff'";
        Map<UUID, Long> sentAt = new HashMap<>();
        try (KafkaProducer<String, String> p = producer(kafka); Connection cdb = db(clientDb); Connection edb = db(engDb)) {
            for (int i = 0; i < clients; i++) {
                p.send(new ProducerRecord<>("core.positions", clientId(i).toString(), positions(clientId(i), day1, "1000000.00")));
            }
            p.flush();
            waitFor(cdb, "SELECT count(*) FROM aum_daily WHERE as_of = DATE '" + day1 + "' AND client_id BETWEEN " + bench, clients, 300_000);
            // day 1's events (ClientAumChanged for every client) are consumed before day 2 starts: a backlog left from
            // setting up is not part of the latency being measured
            drain(kafka, List.of(clientDb, engDb), 300_000);
            // statistics as autovacuum would have them in a running system: the tables were empty a minute ago, and a
            // plan made for empty tables reads every row of aum_daily once per client in a batch (only the tables day 1
            // filled: the whole database includes millions of published outbox rows)
            try (Statement st = cdb.createStatement()) {
                st.execute("ANALYZE client, client_standing, aum_daily, aum_position");
            }
            long intervalNs = 1_000_000_000L / rate;
            long start = System.nanoTime();
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long due = start + i * intervalNs;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                UUID id = clientId(i);
                sentAt.put(id, System.currentTimeMillis());
                acks.add(p.send(new ProducerRecord<>("core.positions", id.toString(), positions(id, day2, "100000.00"))));
            }
            for (Future<?> a : acks) {
                a.get();
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            String tasks = "SELECT count(*) FROM task WHERE type = 'RETENTION_CALL' AND source_type = 'LargeOutflowDetected'"
                    + " AND client_id BETWEEN " + bench;
            waitFor(edb, tasks, clients, 120_000);
            long made = count(edb, tasks);
            Map<UUID, Long> committed = new HashMap<>();
            try (PreparedStatement ps = cdb.prepareStatement("SELECT id, message_key, extract(epoch FROM created_at) * 1000"
                    + " FROM outbox_event WHERE event_type = 'LargeOutflowDetected' AND message_key LIKE '00000000-be4c-%'"
                    + " AND created_at > now() - interval '1 hour'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    committed.put(rs.getObject(1, UUID.class), (long) rs.getDouble(3));
                }
            }
            List<Long> fromCommit = new ArrayList<>();
            List<Long> fromSend = new ArrayList<>();
            // where a queue forms: per second since the first send, how many changes were sent, committed (outbox) and
            // turned into tasks
            long firstSent = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
            int[][] perSecond = new int[3][120];
            sentAt.values().forEach(t -> count(perSecond[0], t - firstSent));
            committed.values().forEach(t -> count(perSecond[1], t - firstSent));
            try (PreparedStatement ps = edb.prepareStatement("SELECT source_event_id, client_id, extract(epoch FROM created_at) * 1000"
                    + " FROM task WHERE type = 'RETENTION_CALL' AND source_type = 'LargeOutflowDetected' AND client_id BETWEEN " + bench);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long taskAt = (long) rs.getDouble(3);
                    count(perSecond[2], taskAt - firstSent);
                    Long c = committed.get(rs.getObject(1, UUID.class));
                    if (c != null) {
                        fromCommit.add(taskAt - c);
                    }
                    Long s = sentAt.get(rs.getObject(2, UUID.class));
                    if (s != null) {
                        fromSend.add(taskAt - s);
                    }
                }
            }
            System.out.printf("{\"clients\":%d,\"rate\":%d,\"send_seconds\":%.1f,\"tasks\":%d,\"lost\":%d,"
                            + "\"commit_to_task_ms\":%s,\"send_to_task_ms\":%s,\"per_second\":{\"sent\":%s,\"committed\":%s,"
                            + "\"tasks_made\":%s}}%n", clients, rate, sendSeconds, made, clients - made,
                    percentiles(fromCommit), percentiles(fromSend), series(perSecond[0]), series(perSecond[1]),
                    series(perSecond[2]));
        }
    }

    /** Counts a moment (ms since the first send) in its second; one before the first send (an earlier run's) is not counted. */
    static void count(int[] perSecond, long ms) {
        if (ms >= 0) {
            perSecond[(int) Math.min(perSecond.length - 1, ms / 1000)]++;
        }
    }

    /** The counts up to the last non-zero second, as a JSON array. */
    static String series(int[] perSecond) {
        int last = perSecond.length - 1;
        while (last > 0 && perSecond[last] == 0) {
            last--;
        }
        return Arrays.toString(Arrays.copyOf(perSecond, last + 1)).replace(" ", "");
    }

    static void consume(String kafka, String engDb, int count) throws Exception {
        String bench = "'00000000-be4c-4000-8000-000000000000' AND '00000000-be4c-4000-8000-ffffffffffff'";
        try (KafkaProducer<String, String> p = producer(kafka); Connection edb = db(engDb)) {
            long before = count(edb, "SELECT count(*) FROM task WHERE source_type = 'LargeOutflowDetected' AND client_id BETWEEN " + bench);
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                UUID id = clientId(1_000_000 + i);
                String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"LargeOutflowDetected\",\"version\":1,"
                        + "\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"bench\",\"clientId\":\"" + id + "\",\"correlationId\":\"bench\","
                        + "\"payload\":{\"clientId\":\"" + id + "\",\"fromAumCny\":\"1000000.00\",\"toAumCny\":\"100000.00\","
                        + "\"outflowCny\":\"900000.00\",\"outflowRatio\":\"0.9000\",\"windowStart\":\"2026-11-18\",\"asOf\":\"2026-11-24\","
                        + "\"primaryRmId\":\"6f1c0a00-0000-4000-8000-000000000001\",\"team\":\"bench-load\",\"tier\":\"GOLD\"}}";
                p.send(new ProducerRecord<>("client.aum", id.toString(), envelope));
            }
            p.flush();
            double produced = (System.nanoTime() - t0) / 1e9;
            waitFor(edb, "SELECT count(*) FROM task WHERE source_type = 'LargeOutflowDetected' AND client_id BETWEEN " + bench,
                    before + count, 600_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long made = count(edb, "SELECT count(*) FROM task WHERE source_type = 'LargeOutflowDetected' AND client_id BETWEEN " + bench) - before;
            System.out.printf("{\"events\":%d,\"produced_in_s\":%.1f,\"tasks\":%d,\"seconds\":%.1f,\"events_per_s\":%.0f}%n",
                    count, produced, made, seconds, made / seconds);
        }
    }

    static void sendUpgrades(String kafka, int count, int rate) throws Exception {
        LocalDate day = LocalDate.now().minusDays(1);
        long intervalNs = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<Future<?>> acks = new ArrayList<>();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000", ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000"))) {
            for (int i = 0; i < count; i++) {
                long wait = start + i * intervalNs - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                // the trailing average covers three months: a snapshot from before the window, then yesterday's
                UUID id = clientId(i);
                acks.add(p.send(new ProducerRecord<>("core.positions", id.toString(), positions(id, day.minusDays(100), "1200000.00"))));
                acks.add(p.send(new ProducerRecord<>("core.positions", id.toString(), positions(id, day, "1200000.00"))));
            }
            int failed = 0;
            for (Future<?> a : acks) {
                try {
                    a.get();
                } catch (Exception e) {
                    failed++;
                }
            }
            System.out.printf("{\"sent\":%d,\"failed_sends\":%d,\"seconds\":%.1f}%n", count, failed, (System.nanoTime() - start) / 1e9);
        }
    }

    static void countOnce(String clientDb, String engDb, int count, int timeoutSeconds) throws Exception {
        String bench = "'00000000-be4c-4000-8000-000000000000' AND '00000000-be4c-4000-8000-ffffffffffff'";
        String changes = "SELECT count(*) FROM tier_change WHERE rule = 'UPGRADE' AND client_id BETWEEN " + bench;
        String tasks = "SELECT count(*) FROM task WHERE type = 'WELCOME_CALL' AND client_id BETWEEN " + bench;
        long t0 = System.nanoTime();
        try (Connection c = db(clientDb); Connection e = db(engDb)) {
            long until = System.currentTimeMillis() + timeoutSeconds * 1000L;
            while ((count(c, changes) < count || count(e, tasks) < count) && System.currentTimeMillis() < until) {
                Thread.sleep(500);
            }
            Thread.sleep(3000); // anything late (a duplicate) would show now
            System.out.printf("{\"expected\":%d,\"tier_changes\":%d,\"clients_upgraded\":%d,\"welcome_tasks\":%d,"
                            + "\"clients_with_task\":%d,\"waited_s\":%.1f}%n", count, count(c, changes),
                    count(c, "SELECT count(DISTINCT client_id) FROM tier_change WHERE rule = 'UPGRADE' AND client_id BETWEEN " + bench),
                    count(e, tasks), count(e, "SELECT count(DISTINCT client_id) FROM task WHERE type = 'WELCOME_CALL' AND client_id BETWEEN " + bench),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Seconds until nothing is pending: every outbox sent and every consumer group at the end of its topics. */
    static double drain(String kafka, List<String> dbs, long timeoutMs) throws Exception {
        long t0 = System.nanoTime();
        long until = System.currentTimeMillis() + timeoutMs;
        int quiet = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            while (quiet < 2) {
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("still not drained after " + timeoutMs / 1000 + " s");
                }
                Thread.sleep(1000);
                quiet = pending(admin, dbs) == 0 ? quiet + 1 : 0;
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static long pending(Admin admin, List<String> dbs) throws Exception {
        long pending = 0;
        for (String spec : dbs) {
            try (Connection c = db(spec)) {
                pending += count(c, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
            }
        }
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            Map<TopicPartition, OffsetAndMetadata> read = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            read.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var e : read.entrySet()) {
                if (e.getValue() != null) {
                    pending += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
        }
        return pending;
    }

    static void cleanup(String engDb) throws Exception {
        try (Connection c = db(engDb); Statement st = c.createStatement()) {
            String bench = "'00000000-be4c-4000-8000-000000000000' AND '00000000-be4c-4000-8000-ffffffffffff'";
            st.execute("DELETE FROM task WHERE client_id BETWEEN " + bench);
            st.execute("DELETE FROM outbox_event WHERE published_at IS NULL AND message_key LIKE '00000000-be4c-%'");
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
