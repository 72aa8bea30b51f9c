package io.aurum.risk.suitability;

import io.aurum.risk.domain.RiskLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuitabilityCheckTest {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    static final SuitabilityPolicy STRICT = SuitabilityPolicy.defaults(ConflictPolicy.STRICT);
    static final SuitabilityPolicy ACKNOWLEDGED = SuitabilityPolicy.defaults(ConflictPolicy.ACKNOWLEDGED);

    static ClientRiskFacts client(RiskLevel level) {
        return new ClientRiskFacts(level, NOW.plus(Duration.ofDays(200)), 60, LocalDate.of(1980, 1, 1),
                new BigDecimal("10000000"), BigDecimal.ZERO, null, null, null);
    }

    static ProductLine line(int rating, String amount) {
        return new ProductLine("p" + rating, rating, "EQUITY", 0, false, false, new BigDecimal(amount));
    }

    static List<ReasonCode> codes(SuitabilityResult r, int line) {
        return r.lines().get(line).reasons().stream().map(SuitabilityResult.Reason::code).toList();
    }

    @ParameterizedTest(name = "{0} buying R{1} under STRICT is {2}")
    @CsvSource({
            "C1,1,SUITABLE", "C1,2,UNSUITABLE", "C2,2,SUITABLE", "C2,3,UNSUITABLE", "C3,3,SUITABLE",
            "C3,4,UNSUITABLE", "C4,4,SUITABLE", "C4,5,UNSUITABLE", "C5,5,SUITABLE"})
    void theCoreRule(RiskLevel level, int rating, Verdict expected) {
        SuitabilityResult r = SuitabilityCheck.check(client(level), List.of(line(rating, "100000")), STRICT, NOW);
        assertThat(r.overall()).isEqualTo(expected);
        if (expected == Verdict.UNSUITABLE) {
            assertThat(codes(r, 0)).containsExactly(ReasonCode.RISK_ABOVE_LEVEL);
        }
    }

    @Test
    void underAcknowledgedARiskAboveLevelNeedsAcknowledgementAndCompliance() {
        SuitabilityResult r = SuitabilityCheck.check(client(RiskLevel.C3), List.of(line(4, "100000")), ACKNOWLEDGED, NOW);
        assertThat(r.overall()).isEqualTo(Verdict.REQUIRES_ACKNOWLEDGEMENT);
        assertThat(r.lines().get(0).requiresComplianceApproval()).isTrue();
    }

    @Test
    void anApprovedExceptionCountsOnlyUnderAcknowledged() {
        java.util.UUID exception = java.util.UUID.randomUUID();
        var approved = java.util.Map.of("p4", exception);
        SuitabilityResult acknowledged = SuitabilityCheck.check(client(RiskLevel.C3), List.of(line(4, "100000")),
                ACKNOWLEDGED, NOW, approved);
        assertThat(acknowledged.overall()).isEqualTo(Verdict.SUITABLE);
        assertThat(acknowledged.lines().get(0).exceptionId()).isEqualTo(exception);
        assertThat(codes(acknowledged, 0)).containsExactly(ReasonCode.EXCEPTION_APPROVED);
        SuitabilityResult strict = SuitabilityCheck.check(client(RiskLevel.C3), List.of(line(4, "100000")), STRICT, NOW, approved);
        assertThat(strict.overall()).isEqualTo(Verdict.UNSUITABLE);
    }

    @Test
    void missingAndExpiredProfilesAreNotAssessed() {
        ClientRiskFacts none = new ClientRiskFacts(null, null, null, null, null, null, null, null, null);
        SuitabilityResult missing = SuitabilityCheck.check(none, List.of(line(1, "1")), STRICT, NOW);
        assertThat(missing.overall()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(codes(missing, 0)).containsExactly(ReasonCode.PROFILE_MISSING);

        ClientRiskFacts expired = new ClientRiskFacts(RiskLevel.C5, NOW, 60, null, null, null, null, null, null);
        SuitabilityResult r = SuitabilityCheck.check(expired, List.of(line(1, "1")), STRICT, NOW);
        assertThat(r.overall()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(codes(r, 0)).containsExactly(ReasonCode.PROFILE_EXPIRED);
    }

    @ParameterizedTest(name = "born {0}, R{1}: elderly rule {2}")
    @CsvSource({"1961-11-25,4,true", "1961-11-26,4,false", "1950-01-01,3,false", "1950-01-01,5,true"})
    void clientsAged65OrOverNeedConfirmationForR4AndAbove(LocalDate birth, int rating, boolean applies) {
        ClientRiskFacts c = new ClientRiskFacts(RiskLevel.C5, NOW.plus(Duration.ofDays(1)), 60, birth,
                new BigDecimal("10000000"), BigDecimal.ZERO, null, null, null);
        SuitabilityResult r = SuitabilityCheck.check(c, List.of(line(rating, "100000")), STRICT, NOW);
        assertThat(codes(r, 0).contains(ReasonCode.ELDERLY_HIGH_RISK)).isEqualTo(applies);
        assertThat(r.overall()).isEqualTo(applies ? Verdict.REQUIRES_ACKNOWLEDGEMENT : Verdict.SUITABLE);
    }

    @ParameterizedTest(name = "{0} of {1} in one product: over the cap {2}")
    @CsvSource({"3000000,7000000,false", "3000001,7000000,true", "100,0,true"})
    void singleProductConcentration(String amount, String aum, boolean over) {
        ClientRiskFacts c = new ClientRiskFacts(RiskLevel.C5, NOW.plus(Duration.ofDays(1)), 60, null,
                new BigDecimal(aum), BigDecimal.ZERO, null, null, null);
        SuitabilityResult r = SuitabilityCheck.check(c, List.of(line(1, amount)), STRICT, NOW);
        assertThat(codes(r, 0).contains(ReasonCode.CONCENTRATION_SINGLE_PRODUCT)).isEqualTo(over);
    }

    @Test
    void highRiskShareAboveTheLevelsCap() {
        // C4 may hold 50% in R4/R5: 4M existing + 1.5M new of 10M = 55%
        ClientRiskFacts c = new ClientRiskFacts(RiskLevel.C4, NOW.plus(Duration.ofDays(1)), 60, null,
                new BigDecimal("8500000"), new BigDecimal("4000000"), null, null, null);
        SuitabilityResult r = SuitabilityCheck.check(c, List.of(line(4, "1500000")), STRICT, NOW);
        assertThat(codes(r, 0)).containsExactly(ReasonCode.CONCENTRATION_HIGH_RISK);
        SuitabilityResult under = SuitabilityCheck.check(c, List.of(line(4, "500000")), STRICT, NOW);
        assertThat(codes(under, 0)).isEmpty();
    }

    @Test
    void lockUpLongerThanTheHorizon() {
        ProductLine threeYears = new ProductLine("pe", 3, "ALTERNATIVE", 1095, false, false, new BigDecimal("100000"));
        ClientRiskFacts twoYears = new ClientRiskFacts(RiskLevel.C5, NOW.plus(Duration.ofDays(1)), 24, null,
                new BigDecimal("10000000"), BigDecimal.ZERO, null, null, null);
        assertThat(codes(SuitabilityCheck.check(twoYears, List.of(threeYears), STRICT, NOW), 0))
                .containsExactly(ReasonCode.LOCKUP_EXCEEDS_HORIZON);
        assertThat(codes(SuitabilityCheck.check(client(RiskLevel.C5), List.of(threeYears), STRICT, NOW), 0)).isEmpty();
        ClientRiskFacts unknown = new ClientRiskFacts(RiskLevel.C5, NOW.plus(Duration.ofDays(1)), null, null,
                new BigDecimal("10000000"), BigDecimal.ZERO, null, null, null);
        SuitabilityResult r = SuitabilityCheck.check(unknown, List.of(threeYears), STRICT, NOW);
        assertThat(codes(r, 0)).containsExactly(ReasonCode.HORIZON_UNKNOWN);
        assertThat(r.overall()).isEqualTo(Verdict.SUITABLE);
    }

    @ParameterizedTest(name = "net {0}, financial {1}, income {2}: qualified {3}")
    @CsvSource({",,,false", "3000000,,,true", "2999999,,,false", ",5000000,,true", ",4999999,,false",
            ",,400000,true", ",,399999,false"})
    void qualifiedInvestorBar(BigDecimal net, BigDecimal financial, BigDecimal income, boolean qualified) {
        ClientRiskFacts c = new ClientRiskFacts(RiskLevel.C5, NOW.plus(Duration.ofDays(1)), 60, null,
                new BigDecimal("10000000"), BigDecimal.ZERO, net, financial, income);
        ProductLine qiOnly = new ProductLine("pf", 3, "ALTERNATIVE", 0, true, false, new BigDecimal("1000000"));
        SuitabilityResult r = SuitabilityCheck.check(c, List.of(qiOnly), ACKNOWLEDGED, NOW);
        assertThat(r.overall()).isEqualTo(qualified ? Verdict.SUITABLE : Verdict.UNSUITABLE);
    }

    @Test
    void privateProductsCarryACoolingOffPeriod() {
        ProductLine privateFund = new ProductLine("pf", 3, "ALTERNATIVE", 0, false, true, new BigDecimal("1000000"));
        SuitabilityResult r = SuitabilityCheck.check(client(RiskLevel.C5), List.of(privateFund), STRICT, NOW);
        assertThat(r.coolingOffEndsAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(codes(r, 0)).containsExactly(ReasonCode.COOLING_OFF_APPLIES);
        assertThat(r.overall()).isEqualTo(Verdict.SUITABLE);
        assertThat(SuitabilityCheck.check(client(RiskLevel.C5), List.of(line(1, "10")), STRICT, NOW).coolingOffEndsAt()).isNull();
    }

    @Test
    void theOverallVerdictIsTheWorstLine() {
        SuitabilityResult r = SuitabilityCheck.check(client(RiskLevel.C3),
                List.of(line(1, "100000"), line(4, "100000"), line(3, "100000")), STRICT, NOW);
        assertThat(r.lines()).extracting(SuitabilityResult.LineResult::verdict)
                .containsExactly(Verdict.SUITABLE, Verdict.UNSUITABLE, Verdict.SUITABLE);
        assertThat(r.overall()).isEqualTo(Verdict.UNSUITABLE);
    }

    // ---- properties

    @Provide
    Arbitrary<ClientRiskFacts> validClients() {
        return Combinators.combine(Arbitraries.of(RiskLevel.class), Arbitraries.integers().between(1, 400),
                        Arbitraries.integers().between(18, 95), Arbitraries.longs().between(0, 100_000_000L))
                .as((level, days, age, aum) -> new ClientRiskFacts(level, NOW.plus(Duration.ofDays(days)), 60,
                        LocalDate.of(2026 - age, 6, 1), BigDecimal.valueOf(aum), BigDecimal.ZERO, null, null, null));
    }

    @Provide
    Arbitrary<List<ProductLine>> proposals() {
        Arbitrary<ProductLine> line = Combinators.combine(Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(0, 3650), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.longs().between(1, 50_000_000L))
                .as((rating, lockup, qi, priv, amount) -> new ProductLine("p", rating, "EQUITY", lockup, qi, priv,
                        BigDecimal.valueOf(amount)));
        return line.list().ofMinSize(1).ofMaxSize(20);
    }

    @Property
    void aProductAboveTheLevelIsNeverSuitableUnderStrict(@ForAll("validClients") ClientRiskFacts client,
                                                         @ForAll("proposals") List<ProductLine> lines) {
        SuitabilityResult r = SuitabilityCheck.check(client, lines, STRICT, NOW);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).riskRating() > client.level().maxProductRisk()) {
                assertThat(r.lines().get(i).verdict()).isEqualTo(Verdict.UNSUITABLE);
            }
        }
    }

    @Property
    void anExpiredProfileIsNeverSuitable(@ForAll("proposals") List<ProductLine> lines,
                                         @ForAll @IntRange(min = 0, max = 5000) int daysAgo,
                                         @ForAll("policies") SuitabilityPolicy policy) {
        ClientRiskFacts expired = new ClientRiskFacts(RiskLevel.C5, NOW.minus(Duration.ofDays(daysAgo)), 120, null,
                new BigDecimal("100000000"), BigDecimal.ZERO, new BigDecimal("9999999"), null, null);
        SuitabilityResult r = SuitabilityCheck.check(expired, lines, policy, NOW);
        assertThat(r.overall()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(r.lines()).allMatch(l -> l.verdict() == Verdict.NOT_ASSESSED);
    }

    @Provide
    Arbitrary<SuitabilityPolicy> policies() {
        return Arbitraries.of(STRICT, ACKNOWLEDGED);
    }

    @Property
    void theOverallVerdictIsNeverBetterThanAnyLine(@ForAll("validClients") ClientRiskFacts client,
                                                   @ForAll("proposals") List<ProductLine> lines,
                                                   @ForAll("policies") SuitabilityPolicy policy) {
        SuitabilityResult r = SuitabilityCheck.check(client, lines, policy, NOW);
        assertThat(r.lines()).hasSize(lines.size());
        assertThat(r.lines()).allMatch(l -> l.verdict().ordinal() <= r.overall().ordinal());
        assertThat(r.lines()).anyMatch(l -> l.verdict() == r.overall());
    }
}
