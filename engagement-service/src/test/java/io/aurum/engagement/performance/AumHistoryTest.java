package io.aurum.engagement.performance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.engagement.support.EngagementFixtures;
import io.aurum.messaging.PoisonMessageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AUM days of a client.aum batch are stored with one statement at the batch's end: a later event for the same client
 * and day replaces an earlier one inside the batch as across batches, and a bad payload is refused when it is read.
 */
@QuarkusTest
class AumHistoryTest {

    @Inject
    History history;

    @Inject
    EngagementFixtures fixtures;

    final ObjectMapper mapper = new ObjectMapper();

    History.AumDay day(UUID client, String asOf, String total, String classes) throws Exception {
        return History.aumDay(client, mapper.readTree("""
                {"clientId":"%s","aumCny":"%s","asOf":"%s","byAssetClass":{%s}}""".formatted(client, total, asOf, classes)),
                UUID.randomUUID());
    }

    @Test
    void aBatchKeepsTheLastEventOfEachClientAndDay() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<History.AumDay> batch = List.of(
                day(a, "2026-10-01", "100.00", "\"CASH\":\"100.00\""),
                day(b, "2026-10-01", "300.00", "\"EQUITY\":\"200.00\",\"GOLD\":\"50.00\""),
                day(a, "2026-10-01", "150.00", "\"CASH\":\"50.00\",\"EQUITY\":\"100.00\""),
                day(a, "2026-10-02", "90.00", ""));
        List<History.AumDay> later = List.of(day(b, "2026-10-01", "310.00", ""));
        QuarkusTransaction.requiringNew().run(() -> history.aum(batch));
        QuarkusTransaction.requiringNew().run(() -> history.aum(later));

        assertThat(fixtures.sql("SELECT count(*) FROM aum_daily WHERE client_id = '" + a + "' AND as_of = '2026-10-01'"
                + " AND aum_cny = 150 AND cash_cny = 50 AND equity_cny = 100 AND other_cny = 0")).isEqualTo(1);
        assertThat(fixtures.sql("SELECT count(*) FROM aum_daily WHERE client_id = '" + a + "' AND as_of = '2026-10-02'"
                + " AND aum_cny = 90 AND other_cny = 90")).isEqualTo(1);
        assertThat(fixtures.sql("SELECT count(*) FROM aum_daily WHERE client_id = '" + b + "' AND aum_cny = 310"
                + " AND equity_cny = 0 AND other_cny = 310")).isEqualTo(1);
        assertThat(fixtures.sql("SELECT count(*) FROM aum_daily WHERE client_id IN ('" + a + "', '" + b + "')")).isEqualTo(3);
    }

    @Test
    void aMalformedPayloadIsPoisonWhenRead() {
        assertThatThrownBy(() -> day(UUID.randomUUID(), "2026-10-01", "not a number", ""))
                .isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> History.aumDay(UUID.randomUUID(), mapper.readTree("""
                {"aumCny":"1.00","asOf":"2026-10-01","byAssetClass":[1]}"""), UUID.randomUUID()))
                .isInstanceOf(PoisonMessageException.class);
    }
}
