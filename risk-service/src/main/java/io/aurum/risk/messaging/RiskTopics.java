package io.aurum.risk.messaging;

import io.aurum.risk.domain.RiskAssessment;

import java.time.Instant;
import java.util.UUID;

/** What risk-service publishes on {@code risk.profile} (docs/events.md). */
public final class RiskTopics {

    public static final String PROFILE = "risk.profile";

    private RiskTopics() {
    }

    /** Payload of RiskProfileAssessed, RiskProfileExpiring and RiskProfileExpired (v1). */
    public record RiskProfileEvent(UUID clientId, UUID assessmentId, String level, int score, String questionnaire,
                                   int questionnaireVersion, String channel, boolean vulnerable, Instant assessedAt,
                                   Instant validUntil) {

        public static RiskProfileEvent of(RiskAssessment a) {
            return new RiskProfileEvent(a.clientId, a.id, a.level.name(), a.score, a.questionnaireCode,
                    a.questionnaireVersion, a.channel.name(), a.vulnerable, a.assessedAt, a.validUntil);
        }
    }
}
