package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Post-interaction surveys: the client answers CSAT (1–5) and NPS (0–10) once; staff see a client's satisfaction. */
@ApplicationScoped
public class Surveys {

    public record Survey(UUID id, UUID clientId, UUID interactionId, Instant sentAt, Instant answeredAt, Integer csat,
                         Integer nps, String comment) {
    }

    /** NPS here is per client: % promoters (9–10) − % detractors (0–6) over the answered surveys. */
    public record Satisfaction(UUID clientId, int answered, BigDecimal averageCsat, Integer nps, Integer latestNps,
                               Integer latestCsat, List<Survey> surveys) {
    }

    private final BookAccess access;
    private final EntityManager em;
    private final Clock clock;

    public Surveys(BookAccess access, EntityManager em, Clock clock) {
        this.access = access;
        this.em = em;
        this.clock = clock;
    }

    /** The client's own surveys, unanswered first. */
    @Transactional
    public List<Survey> mine(Caller caller) {
        if (caller.clientId() == null) {
            return List.of();
        }
        return query("WHERE client_id = ?1 ORDER BY answered_at NULLS FIRST, sent_at DESC LIMIT 50", caller.clientId());
    }

    @Transactional
    public Survey answer(Caller caller, UUID surveyId, int csat, int nps, String comment) {
        List<Survey> found = query("WHERE id = ?1", surveyId);
        if (found.isEmpty() || !BookAccess.isSelf(caller, found.get(0).clientId())) {
            throw ApiException.notFound("Survey", surveyId);
        }
        int updated = em.createNativeQuery("UPDATE survey SET answered_at = ?2, csat = ?3, nps = ?4, comment = ?5"
                        + " WHERE id = ?1 AND answered_at IS NULL")
                .setParameter(1, surveyId).setParameter(2, clock.instant()).setParameter(3, (short) csat)
                .setParameter(4, (short) nps).setParameter(5, comment).executeUpdate();
        if (updated == 0) {
            throw ApiException.conflict("survey-answered", "this survey was answered already");
        }
        return query("WHERE id = ?1", surveyId).get(0);
    }

    @Transactional
    public Satisfaction of(Caller caller, UUID clientId) {
        access.requireRead(caller, clientId);
        List<Survey> all = query("WHERE client_id = ?1 ORDER BY sent_at DESC LIMIT 100", clientId);
        List<Survey> answered = all.stream().filter(s -> s.answeredAt() != null).toList();
        BigDecimal avg = answered.isEmpty() ? null : BigDecimal.valueOf(answered.stream().mapToInt(Survey::csat).sum())
                .divide(BigDecimal.valueOf(answered.size()), 2, RoundingMode.HALF_EVEN);
        Integer nps = answered.isEmpty() ? null : (int) Math.round(100.0
                * (answered.stream().filter(s -> s.nps() >= 9).count() - answered.stream().filter(s -> s.nps() <= 6).count())
                / answered.size());
        Survey latest = answered.stream().max(java.util.Comparator.comparing(Survey::answeredAt)).orElse(null);
        return new Satisfaction(clientId, answered.size(), avg, nps, latest == null ? null : latest.nps(),
                latest == null ? null : latest.csat(), all);
    }

    @SuppressWarnings("unchecked")
    private List<Survey> query(String where, UUID param) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, client_id, interaction_id, sent_at, answered_at, csat, nps, comment"
                + " FROM survey " + where).setParameter(1, param).getResultList();
        return rows.stream().map(r -> new Survey((UUID) r[0], (UUID) r[1], (UUID) r[2], NativeValues.instant(r[3]), NativeValues.instant(r[4]),
                r[5] == null ? null : ((Number) r[5]).intValue(), r[6] == null ? null : ((Number) r[6]).intValue(),
                (String) r[7])).toList();
    }
}
