package io.aurum.engagement.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How likely a client is to leave, 0–100, with the reasons that make up the score — so an RM sees why, not just a
 * number. Points: a large outflow in the last 90 days (up to 35, by its share of AUM), a contact gap past the cadence
 * (up to 20, by how far), open complaints (10 each, 15 if a deadline was missed; up to 25), detractor NPS (0–6) or low
 * CSAT (1–2) on the latest survey (15), an approaching downgrade (5). LOW below 30, MEDIUM below 60, else HIGH. Pure.
 */
public final class AttritionScore {

    public record Facts(BigDecimal outflowRatio90d, Long daysSinceContact, Integer cadenceDays, int openComplaints,
                        int breachedComplaints, Integer latestNps, Integer latestCsat, boolean downgradeApproaching) {
    }

    public record Reason(String code, int points, String text) {
    }

    public record Score(int score, String band, List<Reason> reasons) {
    }

    private AttritionScore() {
    }

    public static Score of(Facts f) {
        List<Reason> reasons = new ArrayList<>();
        if (f.outflowRatio90d() != null && f.outflowRatio90d().signum() > 0) {
            int points = (int) Math.min(35, Math.round(10 + f.outflowRatio90d().doubleValue() * 50));
            reasons.add(new Reason("LARGE_OUTFLOW", points, "Moved " + f.outflowRatio90d().movePointRight(2).stripTrailingZeros()
                    .toPlainString() + "% of assets out within 90 days"));
        }
        if (f.daysSinceContact() != null && f.cadenceDays() != null && f.daysSinceContact() > f.cadenceDays()) {
            long over = f.daysSinceContact() - f.cadenceDays();
            int points = (int) Math.min(20, 5 + over * 15 / Math.max(1, f.cadenceDays()));
            reasons.add(new Reason("CONTACT_GAP", points, "No meaningful contact for " + f.daysSinceContact()
                    + " days (cadence " + f.cadenceDays() + ")"));
        }
        if (f.openComplaints() > 0) {
            int points = Math.min(25, (f.openComplaints() - f.breachedComplaints()) * 10 + f.breachedComplaints() * 15);
            reasons.add(new Reason("OPEN_COMPLAINTS", points, f.openComplaints() + " open complaint(s)"
                    + (f.breachedComplaints() > 0 ? ", " + f.breachedComplaints() + " past a deadline" : "")));
        }
        if ((f.latestNps() != null && f.latestNps() <= 6) || (f.latestCsat() != null && f.latestCsat() <= 2)) {
            reasons.add(new Reason("UNHAPPY_SURVEY", 15, "Latest survey: " + (f.latestNps() == null ? "" : "NPS " + f.latestNps())
                    + (f.latestNps() != null && f.latestCsat() != null ? ", " : "") + (f.latestCsat() == null ? "" : "CSAT " + f.latestCsat())));
        }
        if (f.downgradeApproaching()) {
            reasons.add(new Reason("DOWNGRADE_APPROACHING", 5, "The tier will drop at the next month-end if assets stay low"));
        }
        int score = Math.min(100, reasons.stream().mapToInt(Reason::points).sum());
        return new Score(score, score < 30 ? "LOW" : score < 60 ? "MEDIUM" : "HIGH", List.copyOf(reasons));
    }
}
