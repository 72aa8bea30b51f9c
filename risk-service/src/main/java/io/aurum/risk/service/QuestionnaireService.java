package io.aurum.risk.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.risk.config.RiskConfig;
import io.aurum.risk.domain.Questionnaire;
import io.aurum.risk.domain.QuestionnaireStatus;
import io.aurum.risk.questionnaire.QuestionnaireDefinition;
import io.aurum.risk.questionnaire.QuestionnaireRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Questionnaires as data, managed by ops: drafts are edited, publishing freezes a version and retires the previous one. */
@ApplicationScoped
public class QuestionnaireService {

    private final RiskConfig config;

    public QuestionnaireService(RiskConfig config) {
        this.config = config;
    }

    @Transactional
    public Questionnaire current() {
        return Questionnaire.published(config.questionnaireCode()).orElseThrow(() -> new ApiException(404,
                "no-published-questionnaire", "No questionnaire", "No version of " + config.questionnaireCode() + " is published"));
    }

    @Transactional
    public Questionnaire get(UUID id) {
        Questionnaire q = Questionnaire.findById(id);
        if (q == null) {
            throw ApiException.notFound("Questionnaire", id);
        }
        return q;
    }

    @Transactional
    public List<Questionnaire> all() {
        return Questionnaire.list("order by code, version desc");
    }

    @Transactional
    public Questionnaire createDraft(String code, QuestionnaireDefinition definition, String author) {
        requireValid(definition, "definition.");
        Questionnaire q = new Questionnaire();
        q.id = UUID.randomUUID();
        q.code = code;
        q.version = Questionnaire.nextVersion(code);
        q.status = QuestionnaireStatus.DRAFT;
        q.definition = definition;
        q.createdBy = author;
        q.createdAt = Instant.now();
        q.persist();
        return q;
    }

    @Transactional
    public Questionnaire updateDraft(UUID id, QuestionnaireDefinition definition) {
        Questionnaire q = get(id);
        if (q.status != QuestionnaireStatus.DRAFT) {
            throw ApiException.conflict("questionnaire-immutable",
                    "Version " + q.version + " of " + q.code + " is " + q.status + " and cannot change; create a new draft");
        }
        requireValid(definition, "");
        q.definition = definition;
        return q;
    }

    @Transactional
    public Questionnaire publish(UUID id) {
        Questionnaire q = get(id);
        if (q.status != QuestionnaireStatus.DRAFT) {
            throw ApiException.conflict("questionnaire-not-draft", "Only a draft can be published; this one is " + q.status);
        }
        requireValid(q.definition, "definition.");
        Instant now = Instant.now();
        Questionnaire.published(q.code).ifPresent(previous -> {
            previous.status = QuestionnaireStatus.RETIRED;
            previous.retiredAt = now;
            Questionnaire.flush(); // the previous version must be retired before another is published (unique index)
        });
        q.status = QuestionnaireStatus.PUBLISHED;
        q.publishedAt = now;
        return q;
    }

    /** @param prefix where the definition sits in the request body, so each problem names the right field */
    private static void requireValid(QuestionnaireDefinition definition, String prefix) {
        List<FieldError> problems = QuestionnaireRules.problems(definition).stream()
                .map(f -> new FieldError(prefix + f.field(), f.message())).toList();
        if (!problems.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid questionnaire",
                    problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
    }
}
