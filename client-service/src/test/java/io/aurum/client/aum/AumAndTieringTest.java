package io.aurum.client.aum;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** AUM snapshots (upload jobs and core-banking messages), currency conversion, outflows and tiering on real PostgreSQL and Kafka. */
@QuarkusTest
class AumAndTieringTest {

    @Inject
    EntityManager em;

    @Inject
    AumSnapshots snapshots;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String token(String user) {
        return KeycloakTokens.forUser(user);
    }

    static String register(String name) {
        return given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"" + name + "\"}").post("/api/clients").then().statusCode(201).extract().path("id");
    }

    static JsonPath upload(String contentType, String body) {
        String location = given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(contentType)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/aum/uploads").then().statusCode(202).extract().header("Location");
        String[] job = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String status = given().auth().oauth2(token(DemoUsers.OPS_SUN)).get(location).then().statusCode(200)
                    .extract().path("status");
            job[0] = location;
            return "COMPLETED".equals(status) || "FAILED".equals(status);
        });
        return given().auth().oauth2(token(DemoUsers.OPS_SUN)).get(job[0]).then().extract().jsonPath();
    }

    BigDecimal aum(String clientId) {
        // every client has its client_standing row; the AUM is null until a snapshot or upload sets it
        return standing("aum_cny", clientId);
    }

    BigDecimal average(String clientId) {
        return standing("average_aum_cny", clientId);
    }

    private BigDecimal standing(String column, String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) em.createNativeQuery(
                "SELECT " + column + " FROM client_standing WHERE client_id = ?1").setParameter(1, UUID.fromString(clientId)).getSingleResult());
    }

    long positions(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM aum_position WHERE client_id = ?1").setParameter(1, UUID.fromString(clientId)).getSingleResult()).longValue());
    }

    @Test
    void ratesAreValidatedAndOnlyOpsUploadsThem() {
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("[{\"date\":\"2025-01-02\",\"currency\":\"USD\",\"rateToCny\":\"7.1\"},{\"date\":\"2025-01-02\",\"currency\":\"usd\",\"rateToCny\":\"-1\"}]")
                .post("/api/aum/fx-rates").then().statusCode(400)
                .body("errors.field", hasItem("[1].currency")).body("errors.field", hasItem("[1].rateToCny"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("[{\"date\":\"2025-01-02\",\"currency\":\"USD\",\"rateToCny\":\"7.1\"}]")
                .post("/api/aum/fx-rates").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body("{\"not\":\"an array\"}")
                .post("/api/aum/fx-rates").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aCsvUploadLoadsTheGoodRowsReportsTheBadOnesAndAResendReplaces() {
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("[{\"date\":\"2025-03-03\",\"currency\":\"USD\",\"rateToCny\":\"7.2\"}]")
                .post("/api/aum/fx-rates").then().statusCode(200).body("stored", equalTo(1));
        String a = register("上传甲");
        String b = register("上传乙");
        String csv = String.join("\n",
                "as_of,client_id,product_code,asset_class,currency,amount,risk_rating",
                "2025-03-04," + a + ",FUND-EQ-01,EQUITY,CNY,800000.00,4",
                "2025-03-04," + a + ",USD-DEP,CASH,USD,50000,1",
                "2025-03-04," + b + ",WMP-01,FIXED_INCOME,CNY,300000,2",
                "2025-03-04," + b + ",WMP-02,FIXED_INCOME,CNY,-5,2",
                "2025-03-04," + b + ",WMP-03,FIXED_INCOME,CNY,lots,2",
                "2025-03-04," + b + ",ART-01,PAINTINGS,CNY,10,5",
                "2025-03-04," + UUID.randomUUID() + ",WMP-01,FIXED_INCOME,CNY,100,2",
                "2099-01-01," + b + ",WMP-01,FIXED_INCOME,CNY,100,2",
                "2025-03-04," + b + ",EUR-DEP,CASH,EUR,100,1",
                "2025-03-04," + b + ",WMP-04,FIXED_INCOME,CNY,100,9",
                "2025-03-04,not-a-uuid,WMP-01,FIXED_INCOME,CNY,100,2",
                "2025-03-04," + b + ",WMP-01") + "\n";
        JsonPath job = upload("text/csv", csv);
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsRead")).isEqualTo(12);
        assertThat(job.getLong("rowsLoaded")).isEqualTo(3);
        assertThat(job.getLong("rowsRejected")).isEqualTo(9);
        assertThat(job.getInt("percent")).isEqualTo(100);
        assertThat(job.getList("errors.row", Integer.class)).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(job.getList("errors.field", String.class)).containsExactly("amount", "amount", "assetClass", "clientId",
                "asOf", "currency", "riskRating", "clientId", "row");
        // 800,000 + 50,000 USD at 7.2 (the rate of the day before: none on the 4th)
        assertThat(aum(a)).isEqualByComparingTo("1160000.00");
        assertThat(aum(b)).isEqualByComparingTo("300000.00");

        // the same day's file again: replaced, never double counted
        JsonPath again = upload("text/csv", csv);
        assertThat(again.getLong("rowsLoaded")).isEqualTo(3);
        assertThat(aum(a)).isEqualByComparingTo("1160000.00");
        assertThat(positions(a)).isEqualTo(2);

        String event = io.aurum.client.rest.KafkaProbe.awaitEvent(bootstrap, "client.aum", a, "ClientAumChanged");
        JsonPath changed = JsonPath.from(event);
        assertThat(changed.getString("payload.aumCny")).isEqualTo("1160000.00");
        assertThat(changed.getString("payload.highRiskHoldingsCny")).isEqualTo("800000.00");
        assertThat(changed.getString("payload.asOf")).isEqualTo("2025-03-04");
        // per asset class too (advisory-service's drift read model): the USD deposit is cash, and the classes add up
        assertThat(changed.getString("payload.byAssetClass.CASH")).isEqualTo("360000.00");
        assertThat(changed.getMap("payload.byAssetClass", String.class, String.class).values().stream()
                .map(java.math.BigDecimal::new).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("1160000.00");
        assertThat(changed.getString("source")).isEqualTo("client-service");
        // built in SQL (uuid_v7()) as Java's EventIds builds them: time-ordered, version 7
        assertThat(java.util.UUID.fromString(changed.getString("eventId")).version()).isEqualTo(7);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + a + "/positions").then().statusCode(200)
                .body("productCode", hasItem("USD-DEP")).body("find { it.productCode == 'USD-DEP' }.amountCny", equalTo(360000.0f));
    }

    @Test
    void hostileAmountsAndDaysInAFileOrTheFeedAreRejectedRowsNotACpuBurn() {
        String a = register("恶意上传");
        String csv = String.join("\n",
                "as_of,client_id,product_code,asset_class,currency,amount,risk_rating",
                "2025-03-11," + a + ",FUND-EQ-01,EQUITY,CNY,1e-4000000,4",
                "2025-03-11," + a + ",FUND-EQ-02,EQUITY,CNY,1e-2000000,4",
                "2025-03-11," + a + ",FUND-EQ-03,EQUITY,CNY,1e400,4",
                "2025-03-11," + a + ",FUND-EQ-04,EQUITY,CNY,1234567890123456789012345678901234567890,4",
                "1899-12-31," + a + ",FUND-EQ-05,EQUITY,CNY,100,4",
                "2025-03-11," + a + ",DEP-1,CASH,CNY,2500.50,1") + "\n";
        long t0 = System.nanoTime();
        JsonPath job = upload("text/csv", csv);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsLoaded")).isEqualTo(1);
        assertThat(job.getList("errors.row", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(job.getList("errors.field", String.class)).containsExactly("amount", "amount", "amount", "amount", "asOf");
        assertThat(job.getList("errors.message", String.class).get(0))
                .isEqualTo("must be a decimal number with at most 18 digits before and 8 after the point");
        assertThat(aum(a)).isEqualByComparingTo("2500.50");

        JsonPath lines = upload("application/x-ndjson", "{\"asOf\":\"2025-03-11\",\"clientId\":\"" + a + "\",\"productCode\":\"X\","
                + "\"assetClass\":\"CASH\",\"currency\":\"CNY\",\"amount\":\"1e-4000000\"}\n");
        assertThat(lines.getList("errors.field", String.class)).containsExactly("amount");

        // the feed: a day the database cannot hold goes to the dead-letter topic alone, the next message applies
        String poisonKey = "year-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>("core.positions", poisonKey, """
                    {"clientId":"%s","asOf":"+999999999-12-31","positions":[]}""".formatted(a)));
            producer.send(new ProducerRecord<>("core.positions", poisonKey, """
                    {"clientId":"%s","asOf":"2025-03-12","positions":[
                      {"productCode":"DEP-1","assetClass":"CASH","currency":"CNY","amount":"1e-4000000"}]}""".formatted(a)));
            producer.send(new ProducerRecord<>("core.positions", a, """
                    {"clientId":"%s","asOf":"2025-03-12","positions":[
                      {"productCode":"DEP-1","assetClass":"CASH","currency":"CNY","amount":"3000.00","riskRating":1}]}""".formatted(a)));
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(aum(a)).isEqualByComparingTo("3000.00"));
        List<String> dead = io.aurum.client.rest.KafkaProbe.events(bootstrap, "client-service.dlq", poisonKey, "clientId", 2);
        assertThat(dead).hasSize(2);
    }

    @Test
    void aBulkUploadAnalyzesTheTablesItFillsInItsTransaction() {
        String c = register("批量统计");
        Object before = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT CAST(now() AS timestamptz)").getSingleResult());
        StringBuilder csv = new StringBuilder("as_of,client_id,product_code,asset_class,currency,amount\n");
        for (int i = 0; i < 120; i++) {
            csv.append("2025-03-06,").append(c).append(",FUND-").append(i).append(",EQUITY,CNY,1000\n");
        }

        JsonPath job = upload("text/csv", csv.toString());

        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsLoaded")).isEqualTo(120);
        assertThat(aum(c)).isEqualByComparingTo("120000.00");
        // 120 staged rows are more than 50 + 10 % of the (emptied-after-every-job) staging table: analyzed in the apply
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'aum_upload_row'"
                        + " AND last_analyze >= ?1").setParameter(1, before).getSingleResult()).longValue())).isEqualTo(1));
    }

    @Test
    void jsonLinesUploadsAndBadUploadsAreProblems() {
        String c = register("行式上传");
        JsonPath job = upload("application/x-ndjson", """
                {"asOf":"2025-03-05","clientId":"%s","productCode":"GOLD-1","assetClass":"ALTERNATIVE","currency":"CNY","amount":250000,"riskRating":3}
                {"asOf":"2025-03-05","clientId":"%s","productCode":"GOLD-2","assetClass":"ALTERNATIVE","currency":"CNY","amount":{"x":1}}
                not json
                """.formatted(c, c));
        assertThat(job.getLong("rowsLoaded")).isEqualTo(1);
        assertThat(job.getList("errors.field", String.class)).containsExactly("amount", "row");
        assertThat(aum(c)).isEqualByComparingTo("250000.00");

        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType("text/csv").body("")
                .post("/api/aum/uploads").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType("text/csv").body("as_of\n")
                .post("/api/aum/uploads").then().statusCode(403);
        JsonPath noHeader = upload("text/csv", "as_of,client\n2025-01-01,x\n");
        assertThat(noHeader.getString("status")).isEqualTo("FAILED");
        assertThat(noHeader.getString("failure")).contains("client_id");
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).get("/api/aum/uploads/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void coreBankingMessagesReplaceTheDayAndPoisonGoesToTheDeadLetterTopic() {
        String c = register("核心推送");
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            String snapshot = """
                    {"clientId":"%s","asOf":"2025-03-06","positions":[
                      {"productCode":"DEP-1","assetClass":"CASH","currency":"CNY","amount":"100000.00","riskRating":1},
                      {"productCode":"PF-1","assetClass":"ALTERNATIVE","currency":"CNY","amount":"400000.00","riskRating":5}]}""".formatted(c);
            producer.send(new ProducerRecord<>("core.positions", c, snapshot));
            producer.send(new ProducerRecord<>("core.positions", c, snapshot)); // redelivered: replaces, no double count
            producer.send(new ProducerRecord<>("core.positions", poisonKey, "{\"clientId\":\"x\"}"));
            producer.send(new ProducerRecord<>("core.positions", c, """
                    {"clientId":"%s","asOf":"2025-03-07","positions":[
                      {"productCode":"DEP-1","assetClass":"CASH","currency":"CNY","amount":"90000.00","riskRating":1}]}""".formatted(c)));
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(aum(c)).isEqualByComparingTo("90000.00"));
        assertThat(positions(c)).isEqualTo(3);
        io.aurum.client.rest.KafkaProbe.awaitEvent(bootstrap, "client-service.dlq", poisonKey, "clientId");
        // 500,000 to 90,000 within 7 days: a large outflow, raised once
        String outflow = io.aurum.client.rest.KafkaProbe.awaitEvent(bootstrap, "client.aum", c, "LargeOutflowDetected");
        assertThat(JsonPath.from(outflow).getString("payload.outflowCny")).isEqualTo("410000.00");
        assertThat(JsonPath.from(outflow).getString("payload.fromAumCny")).isEqualTo("500000.00");
        assertThat(JsonPath.from(outflow).getString("payload.outflowRatio")).isEqualTo("0.8200");
    }

    @Test
    void aBatchOfSnapshotsKeepsTheLastOfEachClientAndDayAndAnEmptyOneMeansNothingHeld() throws Exception {
        UUID a = UUID.fromString(register("批量甲"));
        UUID b = UUID.fromString(register("批量乙"));
        UUID stranger = UUID.randomUUID();
        LocalDate day = LocalDate.now().minusDays(2);
        FxTable cnyOnly = new FxTable(Map.of());
        PositionRow fund = PositionRow.parse(day.toString(), a.toString(), "FUND-1", "EQUITY", "CNY", "100.00", "5", cnyOnly);
        PositionRow cash = PositionRow.parse(day.toString(), a.toString(), "CASH-1", "CASH", "CNY", "50.00", null, cnyOnly);
        PositionRow bond = PositionRow.parse(day.toString(), b.toString(), "BOND-1", "FIXED_INCOME", "CNY", "70.00", "2", cnyOnly);
        List<AumSnapshots.Snapshot> unknown = QuarkusTransaction.requiringNew().call(() -> snapshots.replaceAll(List.of(
                new AumSnapshots.Snapshot(a, day, List.of(fund, cash)),
                new AumSnapshots.Snapshot(b, day, List.of(bond)),
                new AumSnapshots.Snapshot(stranger, day, List.of(bond)),
                new AumSnapshots.Snapshot(a, day, List.of(cash)))));
        assertThat(unknown).extracting(AumSnapshots.Snapshot::clientId).containsExactly(stranger);
        assertThat(positions(a.toString())).isEqualTo(1);
        assertThat(aum(a.toString())).isEqualByComparingTo("50.00");
        assertThat(aum(b.toString())).isEqualByComparingTo("70.00");

        QuarkusTransaction.requiringNew().call(() -> snapshots.replaceAll(List.of(new AumSnapshots.Snapshot(b, day, List.of()))));
        assertThat(positions(b.toString())).isZero();
        assertThat(aum(b.toString())).isEqualByComparingTo("0.00");
    }

    @Test
    void tiersRiseAtOnceAndFallOnlyAfterTheGracePeriodAtMonthEnds() {
        String t = register("分层客户");
        String low = register("资料不全");
        // the month-end's averages at the window's edges (the windows: 2025-01-31..04-30, 90 days; 03-31..06-30, 92)
        String none = register("无余额");
        String before = register("窗口前");
        String edges = register("窗口首尾");
        String inside = register("窗口内");
        upload("text/csv", "as_of,client_id,product_code,asset_class,currency,amount\n"
                + "2025-01-10," + before + ",WMP-A,FIXED_INCOME,CNY,300000\n"
                + "2025-01-10," + edges + ",WMP-A,FIXED_INCOME,CNY,900000\n"
                + "2025-03-31," + edges + ",WMP-A,FIXED_INCOME,CNY,460000\n"
                + "2025-06-30," + edges + ",WMP-A,FIXED_INCOME,CNY,1380000\n"
                + "2025-05-31," + inside + ",WMP-A,FIXED_INCOME,CNY,920000\n");
        // January to March at 1.2M: the trailing average reaches PLATINUM -> upgrade as the snapshot arrives
        upload("text/csv", "as_of,client_id,product_code,asset_class,currency,amount\n"
                + "2025-01-01," + t + ",WMP-A,FIXED_INCOME,CNY,1200000\n"
                + "2025-01-01," + low + ",WMP-A,FIXED_INCOME,CNY,250000\n");
        assertThat(tier(t)).isEqualTo("MASS"); // one day of 1.2M over a 3-month window
        upload("text/csv", "as_of,client_id,product_code,asset_class,currency,amount\n"
                + "2025-03-31," + t + ",WMP-A,FIXED_INCOME,CNY,1200000\n"
                + "2025-03-31," + low + ",WMP-A,FIXED_INCOME,CNY,250000\n");
        assertThat(tier(t)).isEqualTo("PLATINUM");
        assertThat(tier(low)).isEqualTo("VIP");
        // the search filters on the tier the engine wrote (newest first, so this run's clients lead the page)
        given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("tier", "PLATINUM").get("/api/clients").then().statusCode(200)
                .body("items.id", hasItem(t)).body("items.id", not(hasItem(low)))
                .body("items.find { it.id == '" + t + "' }.tier", equalTo("PLATINUM"));
        String upgrade = io.aurum.client.rest.KafkaProbe.awaitEvent(bootstrap, "client.tier", t, "ClientTierChanged");
        assertThat(upgrade).contains("\"toTier\":\"PLATINUM\"").contains("\"rule\":\"UPGRADE\"").contains("\"direction\":\"UPGRADE\"");

        // from April the client holds 100k; snapshots do not downgrade
        upload("text/csv", "as_of,client_id,product_code,asset_class,currency,amount\n"
                + "2025-04-01," + t + ",WMP-A,FIXED_INCOME,CNY,100000\n");
        assertThat(tier(t)).isEqualTo("PLATINUM");

        monthEnd("2025-04-30");
        assertThat(tier(t)).isEqualTo("PLATINUM");
        // a total before the window holds into it; totals after the month-end do not count
        assertThat(average(none)).isEqualByComparingTo("0.00");
        assertThat(average(before)).isEqualByComparingTo("300000.00");
        assertThat(average(edges)).isEqualByComparingTo("748444.44"); // (59 × 900,000 + 31 × 460,000) / 90
        assertThat(average(inside)).isEqualByComparingTo("0.00");
        monthEnd("2025-05-31");
        assertThat(tier(t)).isEqualTo("PLATINUM");
        io.aurum.client.rest.KafkaProbe.awaitEvent(bootstrap, "client.tier", t, "ClientTierDowngradeApproaching");
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body("{\"monthEnd\":\"2025-05-31\"}")
                .post("/api/tiering/month-end-runs").then().statusCode(409);
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body("{\"monthEnd\":\"2025-05-30\"}")
                .post("/api/tiering/month-end-runs").then().statusCode(400).body("errors[0].field", equalTo("monthEnd"));
        monthEnd("2025-06-30");
        assertThat(tier(t)).isEqualTo("VIP");
        assertThat(average(none)).isEqualByComparingTo("0.00");
        assertThat(average(before)).isEqualByComparingTo("300000.00");
        // the total of the window's first day replaces the one before it; the last day counts once
        assertThat(average(edges)).isEqualByComparingTo("470000.00"); // (91 × 460,000 + 1,380,000) / 92
        assertThat(average(inside)).isEqualByComparingTo("310000.00"); // 31 × 920,000 / 92

        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + t + "/tier-history").then().statusCode(200)
                .body("rule", equalTo(List.of("UPGRADE", "DOWNGRADE_AFTER_GRACE")))
                .body("[1].fromTier", equalTo("PLATINUM")).body("[1].toTier", equalTo("VIP"))
                .body("[1].averageAumCny", equalTo(111956.52f)).body("[1].thresholdCny", equalTo(1000000.0f));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/tiering/month-end-runs").then().statusCode(200)
                .body("monthEnd", hasItem("2025-06-30"));
        // ≥ 200k and incomplete: on the 建档 report with what is missing
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("size", 500).get("/api/clients/reports/incomplete-profiles")
                .then().statusCode(200).body("items.clientId", hasItem(low))
                .body("items.find { it.clientId == '" + low + "' }.missing", hasItem("identityNumber"));
    }

    private void monthEnd(String date) {
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body("{\"monthEnd\":\"" + date + "\"}")
                .post("/api/tiering/month-end-runs").then().statusCode(201).body("monthEnd", equalTo(date));
    }

    private String tier(String clientId) {
        return given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/" + clientId).then().statusCode(200)
                .extract().path("tier");
    }
}
