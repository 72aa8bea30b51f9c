package io.aurum.risk.questionnaire;

import io.aurum.risk.domain.RiskLevel;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A risk questionnaire as data: sections of questions, answer options with scores, capping rules
 * (an option that caps the level whatever the score) and score bands mapping the 0–100 score to C1–C5.
 * Stored as JSON beside its version; a published version never changes.
 */
public record QuestionnaireDefinition(String titleZh, String titleEn, List<Section> sections, List<ScoreBand> bands) {

    public record Section(String code, String titleZh, String titleEn, List<Question> questions) {
    }

    public record Question(String code, String textZh, String textEn, boolean mandatory, List<AnswerOption> options) {

        public Optional<AnswerOption> option(String code) {
            return options.stream().filter(o -> o.code().equals(code)).findFirst();
        }

        public int maxScore() {
            return options.stream().mapToInt(AnswerOption::score).max().orElse(0);
        }
    }

    /**
     * @param capLevel      when chosen, the client's level is at most this (e.g. "cannot accept any loss" → C1)
     * @param horizonMonths when chosen, the client's stated investment horizon
     */
    public record AnswerOption(String code, String textZh, String textEn, int score, RiskLevel capLevel,
                               Integer horizonMonths) {
    }

    /** Scores from {@code minScore} to {@code maxScore} inclusive give {@code level}. */
    public record ScoreBand(int minScore, int maxScore, RiskLevel level) {
    }

    public Stream<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream());
    }

    public Optional<Question> question(String code) {
        return questions().filter(q -> q.code().equals(code)).findFirst();
    }
}
