package io.aurum.engagement.service;

import io.aurum.common.security.Caller;
import io.aurum.engagement.config.EngagementConfig;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.domain.Complaint;
import io.aurum.engagement.rules.AttritionScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The attrition-risk score of one client or a whole book, from engagement's own facts (set-based for books). */
@ApplicationScoped
public class Attrition {

    public record ClientScore(UUID clientId, String fullName, String tier, AttritionScore.Score score) {
    }

    private final BookAccess access;
    private final EngagementConfig config;
    private final EntityManager em;
    private final Clock clock;

    public Attrition(BookAccess access, EngagementConfig config, EntityManager em, Clock clock) {
        this.access = access;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public ClientScore of(Caller caller, UUID clientId) {
        ClientCard card = access.requireRead(caller, clientId);
        return scores(List.of(card)).get(0);
    }

    /** Scores for the given cards, highest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClientScore> scores(List<ClientCard> cards) {
        if (cards.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<UUID> ids = cards.stream().map(c -> c.clientId).toList();
        Map<UUID, int[]> complaints = new HashMap<>();
        for (Complaint c : Complaint.<Complaint>list("clientId in ?1 and status <> ?2", ids, Complaint.Status.RESOLVED)) {
            int[] n = complaints.computeIfAbsent(c.clientId, k -> new int[2]);
            n[0]++;
            if (c.breached(now)) {
                n[1]++;
            }
        }
        Map<UUID, Integer[]> surveys = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (client_id) client_id, nps, csat FROM survey"
                + " WHERE client_id IN (?1) AND answered_at IS NOT NULL ORDER BY client_id, answered_at DESC")
                .setParameter(1, ids).getResultList();
        for (Object[] r : rows) {
            surveys.put((UUID) r[0], new Integer[]{r[1] == null ? null : ((Number) r[1]).intValue(),
                    r[2] == null ? null : ((Number) r[2]).intValue()});
        }
        return cards.stream().map(c -> {
            Instant since = c.lastContactAt != null ? c.lastContactAt : c.cadenceAnchorAt;
            int[] comp = complaints.getOrDefault(c.clientId, new int[2]);
            Integer[] s = surveys.getOrDefault(c.clientId, new Integer[2]);
            boolean recentOutflow = c.lastOutflowAt != null && c.lastOutflowAt.isAfter(now.minus(Duration.ofDays(90)));
            boolean downgrade = c.downgradeWarnedAt != null && c.downgradeWarnedAt.isAfter(now.minus(Duration.ofDays(45)));
            AttritionScore.Facts facts = new AttritionScore.Facts(recentOutflow ? c.lastOutflowRatio : null,
                    since == null ? null : Duration.between(since, now).toDays(), config.cadenceDays().get(c.tier),
                    comp[0], comp[1], s[0], s[1], downgrade);
            return new ClientScore(c.clientId, c.fullName, c.tier, AttritionScore.of(facts));
        }).sorted(Comparator.comparingInt((ClientScore x) -> x.score().score()).reversed()).toList();
    }
}
