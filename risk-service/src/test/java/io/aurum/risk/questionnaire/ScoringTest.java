package io.aurum.risk.questionnaire;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.risk.domain.RiskLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoring against the questionnaire the bank ships (resources/questionnaires/cn-standard-v1.json). */
class ScoringTest {

    static final QuestionnaireDefinition STANDARD = load();

    static QuestionnaireDefinition load() {
        try (InputStream in = ScoringTest.class.getResourceAsStream("/questionnaires/cn-standard-v1.json")) {
            return new ObjectMapper().readValue(in, QuestionnaireDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> all(String option) {
        Map<String, String> answers = new LinkedHashMap<>();
        STANDARD.questions().forEach(q -> answers.put(q.code(), q.option(option).isPresent() ? option : "A"));
        return answers;
    }

    @Test
    void theShippedQuestionnaireIsValid() {
        assertThat(QuestionnaireRules.problems(STANDARD)).isEmpty();
        assertThat(STANDARD.questions().count()).isBetween(10L, 15L);
    }

    @Test
    void boldestAnswersGiveC5AndScore100() {
        Map<String, String> answers = all("D");
        answers.put("Q1", "B");
        answers.put("Q2", "E");
        Scoring.Result r = Scoring.score(STANDARD, answers);
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.level()).isEqualTo(RiskLevel.C5);
        assertThat(r.cap()).isNull();
        assertThat(r.horizonMonths()).isEqualTo(120);
    }

    @Test
    void cannotAcceptAnyLossCapsAtC1WhateverTheScore() {
        Map<String, String> answers = all("D");
        answers.put("Q10", "A");
        Scoring.Result r = Scoring.score(STANDARD, answers);
        assertThat(r.bandLevel()).isEqualTo(RiskLevel.C5);
        assertThat(r.level()).isEqualTo(RiskLevel.C1);
        assertThat(r.cap()).isEqualTo(new Scoring.AppliedCap("Q10", "A", RiskLevel.C1));
    }

    @Test
    void aCapAboveTheBandChangesNothing() {
        Map<String, String> answers = all("A");
        answers.put("Q11", "A"); // caps at C2, but the score is already C1
        Scoring.Result r = Scoring.score(STANDARD, answers);
        assertThat(r.level()).isEqualTo(RiskLevel.C1);
        assertThat(r.cap()).isNull();
    }

    @Test
    void answersThatDoNotFitAreNamed() {
        Map<String, String> answers = all("B");
        answers.remove("Q3");
        answers.put("Q99", "A");
        answers.put("Q5", "Z");
        assertThatThrownBy(() -> Scoring.score(STANDARD, answers))
                .isInstanceOfSatisfying(Scoring.InvalidAnswers.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field())
                        .containsExactlyInAnyOrder("answers.Q3", "answers.Q99", "answers.Q5"));
    }

    @Test
    void bandsMustCoverZeroToHundred() {
        var gap = List.of(new QuestionnaireDefinition.ScoreBand(0, 20, RiskLevel.C1),
                new QuestionnaireDefinition.ScoreBand(22, 100, RiskLevel.C2));
        assertThat(QuestionnaireRules.bandProblems(gap)).isNotEmpty();
        var falling = List.of(new QuestionnaireDefinition.ScoreBand(0, 50, RiskLevel.C3),
                new QuestionnaireDefinition.ScoreBand(51, 100, RiskLevel.C2));
        assertThat(QuestionnaireRules.bandProblems(falling)).isNotEmpty();
    }

    @Provide
    Arbitrary<Map<String, String>> completeAnswers() {
        List<QuestionnaireDefinition.Question> questions = STANDARD.questions().toList();
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(questions.size()).map(picks -> {
            Map<String, String> answers = new HashMap<>();
            for (int i = 0; i < questions.size(); i++) {
                var options = questions.get(i).options();
                answers.put(questions.get(i).code(), options.get(picks.get(i) % options.size()).code());
            }
            return answers;
        });
    }

    @Property
    void theScoreIsWithin0To100AndTheLevelNeverExceedsAnyChosenCap(@ForAll("completeAnswers") Map<String, String> answers) {
        Scoring.Result r = Scoring.score(STANDARD, answers);
        assertThat(r.score()).isBetween(0, 100);
        assertThat(r.level()).isLessThanOrEqualTo(r.bandLevel());
        answers.forEach((q, o) -> {
            RiskLevel cap = STANDARD.question(q).orElseThrow().option(o).orElseThrow().capLevel();
            if (cap != null) {
                assertThat(r.level()).isLessThanOrEqualTo(cap);
            }
        });
    }

    @Property
    void aBolderAnswerNeverLowersTheScore(@ForAll("completeAnswers") Map<String, String> answers) {
        // raising any one answer's score (without a cap) never lowers the total score
        Scoring.Result before = Scoring.score(STANDARD, answers);
        for (var question : STANDARD.questions().toList()) {
            var best = question.options().stream().max((a, b) -> Integer.compare(a.score(), b.score())).orElseThrow();
            Map<String, String> bolder = new HashMap<>(answers);
            bolder.put(question.code(), best.code());
            assertThat(Scoring.score(STANDARD, bolder).score()).isGreaterThanOrEqualTo(before.score());
        }
    }
}
