package io.aurum.client.service;

import io.aurum.client.domain.Client;
import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.domain.Tier;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Searches the clients in the caller's reach; every filter is a bound parameter, never spliced into SQL. */
@ApplicationScoped
public class ClientSearch {

    public record Filter(String name, Tier tier, UUID rmId, String branch, BigDecimal minAum, BigDecimal maxAum,
                         LifecycleStatus status, List<String> tags, Integer birthMonth) {
    }

    private final EntityManager em;

    public ClientSearch(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Page<Client> search(Caller caller, Filter f, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!caller.is(Roles.COMPLIANCE_OFFICER)) {
            List<String> scopes = new ArrayList<>();
            UUID me = caller.userId();
            if (me != null && caller.is(Roles.RELATIONSHIP_MANAGER)) {
                scopes.add("primary_rm_id = :me OR private_banker_id = :me");
                params.put("me", me);
            }
            if (me != null && caller.is(Roles.ADVISOR)) {
                scopes.add("advisor_id = :me");
                params.put("me", me);
            }
            if (caller.is(Roles.TEAM_LEAD) && caller.team() != null) {
                scopes.add("team = :team");
                params.put("team", caller.team());
            }
            if (caller.is(Roles.CLIENT) && caller.clientId() != null) {
                scopes.add("id = :self");
                params.put("self", caller.clientId());
            }
            if (scopes.isEmpty()) {
                return Page.of(List.of(), page, size, 0);
            }
            where.add("(" + String.join(" OR ", scopes) + ")");
        }
        if (f.name() != null && !f.name().isBlank()) {
            where.add("(lower(full_name) LIKE :name ESCAPE '\\' OR lower(latin_name) LIKE :name ESCAPE '\\')");
            params.put("name", "%" + likeEscape(f.name().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (f.tier() != null) {
            where.add("st.tier = :tier");
            params.put("tier", f.tier().name());
        }
        if (f.rmId() != null) {
            where.add("(primary_rm_id = :rm OR private_banker_id = :rm)");
            params.put("rm", f.rmId());
        }
        if (f.branch() != null && !f.branch().isBlank()) {
            where.add("branch = :branch");
            params.put("branch", f.branch().strip());
        }
        if (f.minAum() != null) {
            where.add("coalesce(st.aum_cny, 0) >= :minAum");
            params.put("minAum", f.minAum());
        }
        if (f.maxAum() != null) {
            where.add("coalesce(st.aum_cny, 0) <= :maxAum");
            params.put("maxAum", f.maxAum());
        }
        if (f.status() != null) {
            where.add("lifecycle_status = :status");
            params.put("status", f.status().name());
        }
        if (f.tags() != null && !f.tags().isEmpty()) {
            where.add("interest_tags @> cast(:tags AS text[])");
            params.put("tags", "{" + String.join(",", f.tags()) + "}");
        }
        if (f.birthMonth() != null) {
            where.add("extract(month FROM birth_date) = :month");
            params.put("month", f.birthMonth());
        }
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        // the tier, the current and the average AUM live in client_standing (Client's secondary table)
        String from = " FROM client JOIN client_standing st ON st.client_id = client.id";
        Query count = em.createNativeQuery("SELECT count(*)" + from + clause);
        Query select = em.createNativeQuery("SELECT client.*, st.tier, st.average_aum_cny, st.aum_cny, st.aum_as_of" + from + clause
                + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset", Client.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        select.setParameter("limit", size);
        select.setParameter("offset", (long) page * size);
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Client> items = select.getResultList();
        return Page.of(items, page, size, total);
    }

    private static String likeEscape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
