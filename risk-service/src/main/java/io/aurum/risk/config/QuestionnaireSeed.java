package io.aurum.risk.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.risk.domain.Questionnaire;
import io.aurum.risk.questionnaire.QuestionnaireDefinition;
import io.aurum.risk.service.QuestionnaireService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bank's default questionnaire (resources/questionnaires/cn-standard-v1.json), published as version 1 of
 * CN-STD when no version of it exists yet. Reference data: it ships in every environment.
 */
@ApplicationScoped
public class QuestionnaireSeed {

    private static final Logger LOG = Logger.getLogger(QuestionnaireSeed.class);
    static final String CODE = "CN-STD";

    private final QuestionnaireService questionnaires;
    private final ObjectMapper mapper;

    public QuestionnaireSeed(QuestionnaireService questionnaires, ObjectMapper mapper) {
        this.questionnaires = questionnaires;
        this.mapper = mapper;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) throws IOException {
        if (Questionnaire.count("code", CODE) > 0) {
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/questionnaires/cn-standard-v1.json")) {
            QuestionnaireDefinition definition = mapper.readValue(in, QuestionnaireDefinition.class);
            Questionnaire draft = questionnaires.createDraft(CODE, definition, "seed");
            questionnaires.publish(draft.id);
            LOG.infof("Published the default questionnaire %s v%d", CODE, draft.version);
        }
    }
}
