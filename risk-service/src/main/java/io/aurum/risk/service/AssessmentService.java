package io.aurum.risk.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.messaging.Outbox;
import io.aurum.risk.config.RiskConfig;
import io.aurum.risk.domain.Channel;
import io.aurum.risk.domain.ClientRef;
import io.aurum.risk.domain.Questionnaire;
import io.aurum.risk.domain.QuestionnaireStatus;
import io.aurum.risk.domain.RiskAssessment;
import io.aurum.risk.messaging.RiskTopics;
import io.aurum.risk.questionnaire.Scoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssessmentService {

    static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    private final QuestionnaireService questionnaires;
    private final ClientAccessGuard guard;
    private final Outbox outbox;
    private final RiskConfig config;
    private final Clock clock;

    public AssessmentService(QuestionnaireService questionnaires, ClientAccessGuard guard, Outbox outbox,
                             RiskConfig config, Clock clock) {
        this.questionnaires = questionnaires;
        this.guard = guard;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Scores the answers against the published questionnaire (or the given version, which must still be the
     * published one), stores the assessment and publishes RiskProfileAssessed.
     */
    @Transactional
    public RiskAssessment assess(UUID clientId, UUID questionnaireId, Map<String, String> answers, Caller caller) {
        ClientRef ref = guard.requireAssess(caller, clientId);
        Questionnaire questionnaire = questionnaireId == null ? questionnaires.current() : questionnaires.get(questionnaireId);
        if (questionnaire.status != QuestionnaireStatus.PUBLISHED) {
            throw new ApiException(409, "questionnaire-not-current", "Questionnaire not current",
                    "Version " + questionnaire.version + " of " + questionnaire.code + " is " + questionnaire.status
                            + "; answer the published version");
        }
        Scoring.Result result;
        try {
            result = Scoring.score(questionnaire.definition, answers);
        } catch (Scoring.InvalidAnswers e) {
            throw new ApiException(400, "invalid-answers", "Invalid answers",
                    e.errors().get(0).field() + ": " + e.errors().get(0).message(), e.errors());
        }
        Instant now = clock.instant();
        RiskAssessment a = new RiskAssessment();
        a.id = UUID.randomUUID();
        a.clientId = clientId;
        a.questionnaireId = questionnaire.id;
        a.questionnaireCode = questionnaire.code;
        a.questionnaireVersion = questionnaire.version;
        a.answers = Map.copyOf(answers);
        a.score = result.score();
        a.bandLevel = result.bandLevel();
        a.level = result.level();
        a.capQuestion = result.cap() == null ? null : result.cap().questionCode();
        a.capOption = result.cap() == null ? null : result.cap().optionCode();
        a.horizonMonths = result.horizonMonths();
        a.vulnerable = isVulnerable(ref, now);
        boolean self = caller.is(Roles.CLIENT) && clientId.equals(caller.clientId());
        a.channel = self ? Channel.MOBILE : Channel.BRANCH;
        a.assessedBy = caller.subject();
        a.assessedByRole = self ? Roles.CLIENT : (caller.is(Roles.RELATIONSHIP_MANAGER) ? Roles.RELATIONSHIP_MANAGER : Roles.TEAM_LEAD);
        a.assessedAt = now;
        a.validUntil = ZonedDateTime.ofInstant(now, BANK_ZONE).plus(config.validity()).toInstant();
        a.persist();
        outbox.publish(RiskTopics.PROFILE, "RiskProfileAssessed", 1, clientId, RiskTopics.RiskProfileEvent.of(a));
        return a;
    }

    /** The current profile: the latest assessment if it is still valid. */
    @Transactional
    public Optional<RiskAssessment> currentProfile(UUID clientId, Caller caller) {
        guard.requireRead(caller, clientId);
        return RiskAssessment.latest(clientId).filter(a -> a.validUntil.isAfter(clock.instant()));
    }

    @Transactional
    public List<RiskAssessment> history(UUID clientId, Caller caller) {
        guard.requireRead(caller, clientId);
        return RiskAssessment.history(clientId);
    }

    /** Aged 65 or over (configurable) on the given day; unknown birth date is not vulnerable. */
    boolean isVulnerable(ClientRef ref, Instant now) {
        Integer age = ref == null ? null : ref.ageOn(LocalDate.ofInstant(now, BANK_ZONE));
        return age != null && age >= config.suitability().elderlyAge();
    }
}
