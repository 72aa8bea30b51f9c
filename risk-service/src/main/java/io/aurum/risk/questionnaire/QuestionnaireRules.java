package io.aurum.risk.questionnaire;

import io.aurum.common.problem.FieldError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What makes a questionnaire definition publishable. Pure: returns the problems, empty when valid. */
public final class QuestionnaireRules {

    private QuestionnaireRules() {
    }

    public static List<FieldError> problems(QuestionnaireDefinition q) {
        List<FieldError> errors = new ArrayList<>();
        boolean noSections = q.sections() == null || q.sections().isEmpty();
        if (noSections) {
            errors.add(new FieldError("sections", "at least one section is needed"));
        }
        Set<String> codes = new HashSet<>();
        for (int s = 0; !noSections && s < q.sections().size(); s++) {
            QuestionnaireDefinition.Section section = q.sections().get(s);
            if (section.questions() == null || section.questions().isEmpty()) {
                errors.add(new FieldError("sections[" + s + "].questions", "a section needs at least one question"));
                continue;
            }
            for (int i = 0; i < section.questions().size(); i++) {
                QuestionnaireDefinition.Question question = section.questions().get(i);
                String path = "sections[" + s + "].questions[" + i + "]";
                if (question.code() == null || question.code().isBlank()) {
                    errors.add(new FieldError(path + ".code", "is required"));
                } else if (!codes.add(question.code())) {
                    errors.add(new FieldError(path + ".code", "duplicates question " + question.code()));
                }
                if (question.options() == null || question.options().size() < 2) {
                    errors.add(new FieldError(path + ".options", "a question needs at least two options"));
                    continue;
                }
                Set<String> optionCodes = new HashSet<>();
                for (int o = 0; o < question.options().size(); o++) {
                    QuestionnaireDefinition.AnswerOption option = question.options().get(o);
                    if (option.code() == null || !optionCodes.add(option.code())) {
                        errors.add(new FieldError(path + ".options[" + o + "].code", "is missing or repeated"));
                    }
                    if (option.score() < 0) {
                        errors.add(new FieldError(path + ".options[" + o + "].score", "must not be negative"));
                    }
                }
            }
        }
        if (!noSections && errors.isEmpty() && q.questions().mapToInt(QuestionnaireDefinition.Question::maxScore).sum() <= 0) {
            errors.add(new FieldError("sections", "the options must be able to score above zero"));
        }
        errors.addAll(bandProblems(q.bands()));
        return errors;
    }

    /** Bands must cover 0–100 without gap or overlap, and levels must not fall as the score rises. */
    static List<FieldError> bandProblems(List<QuestionnaireDefinition.ScoreBand> bands) {
        List<FieldError> errors = new ArrayList<>();
        if (bands == null || bands.isEmpty()) {
            errors.add(new FieldError("bands", "score bands are required"));
            return errors;
        }
        List<QuestionnaireDefinition.ScoreBand> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingInt(QuestionnaireDefinition.ScoreBand::minScore));
        int expected = 0;
        for (QuestionnaireDefinition.ScoreBand band : sorted) {
            if (band.level() == null || band.minScore() > band.maxScore()) {
                errors.add(new FieldError("bands", "band " + band.minScore() + "–" + band.maxScore() + " is invalid"));
                return errors;
            }
            if (band.minScore() != expected) {
                errors.add(new FieldError("bands", "bands must cover 0–100 without gap or overlap; expected a band from " + expected));
                return errors;
            }
            expected = band.maxScore() + 1;
        }
        if (expected != 101) {
            errors.add(new FieldError("bands", "bands must end at 100"));
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).level().compareTo(sorted.get(i - 1).level()) < 0) {
                errors.add(new FieldError("bands", "a higher score must not give a lower level"));
                break;
            }
        }
        return errors;
    }
}
