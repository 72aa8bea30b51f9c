package io.aurum.risk.questionnaire;

import io.aurum.common.problem.FieldError;
import io.aurum.risk.domain.RiskLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores a set of answers against a questionnaire: the sum of the chosen options' scores scaled to 0–100
 * (against the highest possible sum), the band's level, then the lowest cap of any chosen capping option.
 * Pure: no framework, no clock.
 */
public final class Scoring {

    private Scoring() {
    }

    /** Which capping option lowered the level. */
    public record AppliedCap(String questionCode, String optionCode, RiskLevel capLevel) {
    }

    public record Result(int score, RiskLevel bandLevel, RiskLevel level, AppliedCap cap, Integer horizonMonths) {
    }

    /** Answers that do not fit the questionnaire; each error names the question. */
    public static class InvalidAnswers extends RuntimeException {
        private final List<FieldError> errors;

        public InvalidAnswers(List<FieldError> errors) {
            super(errors.toString());
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    public static Result score(QuestionnaireDefinition questionnaire, Map<String, String> answers) {
        List<FieldError> errors = new ArrayList<>();
        for (String code : answers.keySet()) {
            if (questionnaire.question(code).isEmpty()) {
                errors.add(new FieldError("answers." + code, "no such question in this questionnaire version"));
            }
        }
        int sum = 0;
        int max = 0;
        AppliedCap cap = null;
        Integer horizon = null;
        for (QuestionnaireDefinition.Question question : questionnaire.questions().toList()) {
            max += question.maxScore();
            String chosen = answers.get(question.code());
            if (chosen == null) {
                if (question.mandatory()) {
                    errors.add(new FieldError("answers." + question.code(), "is mandatory"));
                }
                continue;
            }
            var option = question.option(chosen);
            if (option.isEmpty()) {
                errors.add(new FieldError("answers." + question.code(), "option " + chosen + " does not exist"));
                continue;
            }
            sum += option.get().score();
            if (option.get().capLevel() != null && (cap == null || option.get().capLevel().compareTo(cap.capLevel()) < 0)) {
                cap = new AppliedCap(question.code(), chosen, option.get().capLevel());
            }
            if (option.get().horizonMonths() != null) {
                horizon = option.get().horizonMonths();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        int score = max == 0 ? 0 : (int) Math.round(100.0 * sum / max);
        RiskLevel band = questionnaire.bands().stream()
                .filter(b -> score >= b.minScore() && score <= b.maxScore())
                .map(QuestionnaireDefinition.ScoreBand::level)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No band covers score " + score));
        RiskLevel level = cap != null && cap.capLevel().compareTo(band) < 0 ? cap.capLevel() : band;
        AppliedCap applied = cap != null && cap.capLevel().compareTo(band) < 0 ? cap : null;
        return new Result(score, band, level, applied, horizon);
    }
}
