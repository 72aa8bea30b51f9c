package io.aurum.advisory.proposals;

import io.aurum.advisory.proposals.Refusal.Code;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance rule on its own: worked examples, then properties over random sequences of acts by the client and
 * staff, played the way the proposal service plays them (every act allowed only when the rule refuses nothing).
 */
class AcceptanceRuleTest {

    static final String V = "RD-2026-1";
    static final Actor CLIENT = Actor.client("c-1", "client.liu");
    static final Actor RM = Actor.staff("s-1", "rm.li");
    static final Actor ADVISOR = Actor.staff("s-2", "advisor.chen");
    static final Actor LEAD = Actor.staff("s-3", "lead.zhang");
    static final Actor[] ACTORS = {CLIENT, RM, ADVISOR, LEAD};

    static LineNeeds lockup(int line) {
        return LineNeeds.of(line, "WM-FI-180", "REQUIRES_ACKNOWLEDGEMENT", List.of(
                new LineNeeds.Reason("LOCKUP_EXCEEDS_HORIZON", "ACKNOWLEDGE"), new LineNeeds.Reason("AUM_UNKNOWN", "INFO")));
    }

    static LineNeeds elderly(int line) {
        return LineNeeds.of(line, "MF-EQ-CSI300", "REQUIRES_ACKNOWLEDGEMENT", List.of(
                new LineNeeds.Reason("ELDERLY_HIGH_RISK", "ACKNOWLEDGE")));
    }

    static LineNeeds suitable(int line) {
        return LineNeeds.of(line, "MF-BAL-001", "SUITABLE", List.of(new LineNeeds.Reason("AUM_UNKNOWN", "INFO")));
    }

    static List<Code> codes(List<Refusal> refusals) {
        return refusals.stream().map(Refusal::code).toList();
    }

    @Test
    void theClientsAppAcknowledgementAndAcceptanceAreEnough() {
        List<LineNeeds> lines = List.of(lockup(1), suitable(2));
        Evidence ack = Evidence.acknowledgement(1, Set.of("LOCKUP_EXCEEDS_HORIZON", "AUM_UNKNOWN"), V, CLIENT);
        assertThat(ack.channel()).isEqualTo(Channel.APP);
        assertThat(AcceptanceRule.refuseAcceptance(lines, List.of(ack), Evidence.acceptance(V, CLIENT), V)).isEmpty();
        // without the acknowledgement the line and its reason are named
        List<Refusal> none = AcceptanceRule.refuseAcceptance(lines, List.of(), Evidence.acceptance(V, CLIENT), V);
        assertThat(codes(none)).containsExactly(Code.ACKNOWLEDGEMENT_REQUIRED);
        assertThat(none.get(0).field()).isEqualTo("lines[0]");
        assertThat(none.get(0).text()).contains("LOCKUP_EXCEEDS_HORIZON").doesNotContain("AUM_UNKNOWN");
    }

    @Test
    void staffCannotAcceptForTheClient() {
        List<LineNeeds> lines = List.of(suitable(1));
        Evidence byStaff = Evidence.acceptance(V, ADVISOR);
        assertThat(byStaff.channel()).isEqualTo(Channel.BRANCH);
        assertThat(codes(AcceptanceRule.refuseAcceptance(lines, List.of(), byStaff, V)))
                .containsExactly(Code.SECOND_CONFIRMATION_REQUIRED);
        assertThat(codes(AcceptanceRule.refuseAcceptance(lines, List.of(), byStaff.confirmedBy(ADVISOR), V)))
                .containsExactly(Code.SAME_STAFF_CONFIRMATION);
        // a staff act labelled as the app is still not the client's
        Evidence labelled = new Evidence(null, Set.of(), V, Channel.APP, ADVISOR, null);
        assertThat(codes(AcceptanceRule.refuseAcceptance(lines, List.of(), labelled, V))).containsExactly(Code.CLIENT_ACT_REQUIRED);
        assertThat(AcceptanceRule.refuseAcceptance(lines, List.of(), byStaff.confirmedBy(LEAD), V)).isEmpty();
    }

    @Test
    void aBranchAcknowledgementCountsOnceASecondStaffMemberConfirmsIt() {
        LineNeeds line = lockup(1);
        Evidence captured = Evidence.acknowledgement(1, Set.of("LOCKUP_EXCEEDS_HORIZON"), V, RM);
        assertThat(AcceptanceRule.covers(captured, line, V)).isFalse();
        assertThat(codes(AcceptanceRule.refuseLines(List.of(line), List.of(captured), V)))
                .containsExactly(Code.SECOND_CONFIRMATION_REQUIRED);
        assertThat(codes(AcceptanceRule.refuseConfirmation(captured, RM))).containsExactly(Code.SAME_STAFF_CONFIRMATION);
        assertThat(codes(AcceptanceRule.refuseConfirmation(captured, CLIENT))).containsExactly(Code.STAFF_CONFIRMATION_ONLY);
        Evidence confirmed = captured.confirmedBy(ADVISOR);
        assertThat(AcceptanceRule.refuseConfirmation(captured, ADVISOR)).isEmpty();
        assertThat(codes(AcceptanceRule.refuseConfirmation(confirmed, LEAD))).containsExactly(Code.ALREADY_CONFIRMED);
        assertThat(AcceptanceRule.covers(confirmed, line, V)).isTrue();
        assertThat(AcceptanceRule.covers(captured.confirmedBy(RM), line, V)).isFalse();
    }

    @Test
    void anElderlyClientsHighRiskLineNeedsASecondPersonEvenInTheApp() {
        LineNeeds line = elderly(1);
        assertThat(line.extraConfirmation()).isTrue();
        Evidence byClient = Evidence.acknowledgement(1, Set.of("ELDERLY_HIGH_RISK"), V, CLIENT);
        assertThat(codes(AcceptanceRule.refuseLines(List.of(line), List.of(byClient), V)))
                .containsExactly(Code.EXTRA_CONFIRMATION_REQUIRED);
        assertThat(AcceptanceRule.refuseLines(List.of(line), List.of(byClient.confirmedBy(RM)), V)).isEmpty();
    }

    @Test
    void whatWasShownMustBeTheLinesReasonsUnderTheCurrentDisclosure() {
        LineNeeds line = lockup(1);
        assertThat(codes(AcceptanceRule.refuseAcknowledgement(line, Set.of("AUM_UNKNOWN"), V, V, List.of())))
                .containsExactly(Code.ACKNOWLEDGEMENT_INCOMPLETE);
        assertThat(codes(AcceptanceRule.refuseAcknowledgement(line, Set.of("LOCKUP_EXCEEDS_HORIZON", "RISK_ABOVE_LEVEL"), V, V,
                List.of()))).containsExactly(Code.NOT_ON_THE_LINE);
        assertThat(codes(AcceptanceRule.refuseAcknowledgement(line, Set.of("LOCKUP_EXCEEDS_HORIZON"), "RD-2025-9", V, List.of())))
                .containsExactly(Code.DISCLOSURE_OUTDATED);
        assertThat(codes(AcceptanceRule.refuseAcknowledgement(suitable(1), Set.of("AUM_UNKNOWN"), V, V, List.of())))
                .containsExactly(Code.NOTHING_TO_ACKNOWLEDGE);
        Evidence old = Evidence.acknowledgement(1, Set.of("LOCKUP_EXCEEDS_HORIZON"), "RD-2025-9", CLIENT);
        assertThat(AcceptanceRule.covers(old, line, V)).isFalse();
        Evidence done = Evidence.acknowledgement(1, Set.of("LOCKUP_EXCEEDS_HORIZON"), V, CLIENT);
        assertThat(codes(AcceptanceRule.refuseAcknowledgement(line, Set.of("LOCKUP_EXCEEDS_HORIZON"), V, V, List.of(done))))
                .containsExactly(Code.ALREADY_ACKNOWLEDGED);
    }

    @Test
    void refusedLinesAndExceptionsAwaitingComplianceCannotBeAcknowledgedAway() {
        LineNeeds refused = LineNeeds.of(1, "PF-PE-GROWTH", "UNSUITABLE", List.of(new LineNeeds.Reason("RISK_ABOVE_LEVEL", "BLOCK")));
        assertThat(refused.toAcknowledge()).isEmpty();
        assertThat(codes(AcceptanceRule.refuseAcknowledgement(refused, Set.of("RISK_ABOVE_LEVEL"), V, V, List.of())))
                .containsExactly(Code.LINE_REFUSED);
        LineNeeds aboveLevel = LineNeeds.of(1, "MF-EQ-CSI300", "REQUIRES_ACKNOWLEDGEMENT",
                List.of(new LineNeeds.Reason("RISK_ABOVE_LEVEL", "ACKNOWLEDGE")));
        Evidence ack = Evidence.acknowledgement(1, Set.of("RISK_ABOVE_LEVEL"), V, CLIENT);
        assertThat(codes(AcceptanceRule.refuseAcceptance(List.of(aboveLevel), List.of(ack), Evidence.acceptance(V, CLIENT), V)))
                .containsExactly(Code.COMPLIANCE_APPROVAL_REQUIRED);
    }

    // --- properties: sequences of acts, played as the service plays them ---

    /** One act: who (index into the actors in play), what, on which line or evidence, and how. */
    record Step(int kind, int actor, int target, boolean showEverything, int confirmer) {
    }

    /** A proposal's acceptance as the service keeps it: the evidence recorded, a branch capture waiting, the outcome. */
    static final class Sale {
        final List<LineNeeds> lines;
        final List<Evidence> recorded = new ArrayList<>();
        Evidence pendingCapture;
        Evidence acceptance;

        Sale(List<LineNeeds> lines) {
            this.lines = lines;
        }

        boolean accepted() {
            return acceptance != null;
        }

        void play(Step s, Actor[] cast) {
            if (accepted()) {
                return;
            }
            Actor actor = cast[s.actor() % cast.length];
            LineNeeds line = lines.get(s.target() % lines.size());
            switch (s.kind()) {
                case 0 -> { // acknowledge a line, shown all its reasons or one short, under this or an old disclosure
                    Set<String> shown = new LinkedHashSet<>(line.reasonCodes());
                    if (!s.showEverything() && !line.toAcknowledge().isEmpty()) {
                        shown.remove(line.toAcknowledge().iterator().next());
                    }
                    String version = s.confirmer() == 0 ? "RD-2025-9" : V;
                    if (AcceptanceRule.refuseAcknowledgement(line, shown, version, V, recorded).isEmpty()) {
                        recorded.add(Evidence.acknowledgement(line.line(), shown, version, actor));
                    }
                }
                case 1 -> { // confirm something recorded
                    if (!recorded.isEmpty()) {
                        int i = s.target() % recorded.size();
                        if (AcceptanceRule.refuseConfirmation(recorded.get(i), actor).isEmpty()) {
                            recorded.set(i, recorded.get(i).confirmedBy(actor));
                        }
                    }
                }
                case 2 -> { // accept: the client in the app, or staff capturing it at the branch
                    Evidence act = Evidence.acceptance(V, actor);
                    if (actor.client()) {
                        if (AcceptanceRule.refuseAcceptance(lines, recorded, act, V).isEmpty()) {
                            acceptance = act;
                        }
                    } else if (pendingCapture == null && AcceptanceRule.refuseBranchCapture(lines, recorded, act, V).isEmpty()) {
                        pendingCapture = act;
                    }
                }
                case 3 -> { // confirm the branch acceptance
                    if (pendingCapture != null && AcceptanceRule.refuseConfirmation(pendingCapture, actor).isEmpty()) {
                        Evidence confirmed = pendingCapture.confirmedBy(actor);
                        if (AcceptanceRule.refuseAcceptance(lines, recorded, confirmed, V).isEmpty()) {
                            acceptance = confirmed;
                        }
                    }
                }
                default -> { // evidence that reached the record however it could: any channel label, any confirmer in play
                    Channel label = s.showEverything() ? Channel.APP : Channel.BRANCH;
                    Actor confirmer = s.confirmer() == 0 ? null : cast[s.confirmer() % cast.length];
                    recorded.add(new Evidence(line.line(), line.reasonCodes(), V, label, actor, confirmer));
                    if (s.target() % 2 == 0 && pendingCapture == null) {
                        pendingCapture = new Evidence(null, Set.of(), V, label, actor, null);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<List<LineNeeds>> lines() {
        String[][] reasons = {{"LOCKUP_EXCEEDS_HORIZON", "ACKNOWLEDGE"}, {"ELDERLY_HIGH_RISK", "ACKNOWLEDGE"},
                {"CONCENTRATION_SINGLE_PRODUCT", "ACKNOWLEDGE"}, {"AUM_UNKNOWN", "INFO"}, {"COOLING_OFF_APPLIES", "INFO"}};
        String[] verdicts = {"SUITABLE", "REQUIRES_ACKNOWLEDGEMENT", "REQUIRES_ACKNOWLEDGEMENT", "UNSUITABLE"};
        Arbitrary<int[]> spec = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 31))
                .as((v, mask) -> new int[]{v, mask});
        return spec.list().ofMinSize(1).ofMaxSize(4).map(specs -> {
            List<LineNeeds> out = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                List<LineNeeds.Reason> rs = new ArrayList<>();
                for (int b = 0; b < reasons.length; b++) {
                    if ((specs.get(i)[1] & (1 << b)) != 0) {
                        rs.add(new LineNeeds.Reason(reasons[b][0], reasons[b][1]));
                    }
                }
                out.add(LineNeeds.of(i + 1, "P" + (i + 1), verdicts[specs.get(i)[0]], rs));
            }
            return out;
        });
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 9), Arbitraries.of(true, false), Arbitraries.integers().between(0, 3))
                .as(Step::new).list().ofMaxSize(40);
    }

    @Property(tries = 2000)
    void oneStaffMemberAloneNeverGetsAProposalAccepted(@ForAll("lines") List<LineNeeds> lines, @ForAll("steps") List<Step> steps) {
        Sale sale = new Sale(lines);
        Actor[] alone = {ADVISOR};
        steps.forEach(s -> sale.play(s, alone));
        assertThat(sale.accepted()).as("accepted on %s's acts alone", ADVISOR.name()).isFalse();
    }

    @Property(tries = 2000)
    void staffOnlyActsNeverAcceptALineThatNeededTheClientWithoutFourEyes(@ForAll("lines") List<LineNeeds> lines,
                                                                           @ForAll("steps") List<Step> steps) {
        Sale sale = new Sale(lines);
        Actor[] staff = {RM, ADVISOR, LEAD};
        steps.forEach(s -> sale.play(s, staff));
        if (sale.accepted()) {
            assertThat(twoDifferentStaff(sale.acceptance)).as("the acceptance").isTrue();
            for (LineNeeds line : lines) {
                if (!line.toAcknowledge().isEmpty()) {
                    assertThat(sale.recorded).as("line %d", line.line()).anyMatch(e -> forLine(e, line)
                            && e.channel() == Channel.BRANCH && twoDifferentStaff(e));
                }
            }
        }
    }

    @Property(tries = 2000)
    void everyAcceptanceRestsOnTheClientsOwnActs(@ForAll("lines") List<LineNeeds> lines, @ForAll("steps") List<Step> steps) {
        Sale sale = new Sale(lines);
        steps.forEach(s -> sale.play(s, ACTORS));
        if (!sale.accepted()) {
            return;
        }
        assertThat(lines).noneMatch(LineNeeds::refused);
        assertThat(clientsOwn(sale.acceptance)).as("the acceptance is the client's").isTrue();
        for (LineNeeds line : lines) {
            if (line.needsAcknowledgement()) {
                assertThat(sale.recorded).as("line %d carries the client's acknowledgement", line.line())
                        .anyMatch(e -> forLine(e, line) && clientsOwn(e) && (!line.extraConfirmation() || twoDifferentPeople(e)));
            }
        }
    }

    @Property(tries = 1000)
    void aStaffCaptureLabelledAsTheAppCountsForNothing(@ForAll("lines") List<LineNeeds> lines, @ForAll int confirmer) {
        for (LineNeeds line : lines) {
            Actor by = confirmer % 2 == 0 ? null : LEAD;
            Evidence labelled = new Evidence(line.line(), line.reasonCodes(), V, Channel.APP, ADVISOR, by);
            assertThat(AcceptanceRule.covers(labelled, line, V)).isFalse();
        }
    }

    // the oracle, written apart from the rule: the client in the app, or two different staff members at a branch

    static boolean forLine(Evidence e, LineNeeds line) {
        return e.line() != null && e.line() == line.line() && e.reasonCodes().containsAll(line.toAcknowledge())
                && V.equals(e.disclosureVersion());
    }

    static boolean clientsOwn(Evidence e) {
        return e.channel() == Channel.APP ? e.capturedBy() == CLIENT : twoDifferentStaff(e);
    }

    static boolean twoDifferentStaff(Evidence e) {
        return !e.capturedBy().client() && e.confirmedBy() != null && !e.confirmedBy().client()
                && !e.confirmedBy().id().equals(e.capturedBy().id());
    }

    static boolean twoDifferentPeople(Evidence e) {
        return e.confirmedBy() != null && !e.confirmedBy().id().equals(e.capturedBy().id());
    }
}
