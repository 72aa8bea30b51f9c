package io.aurum.risk.rest;

import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.risk.domain.SuitabilityException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/risk/reports")
@Tag(name = "Compliance reports", description = "Risk profiling and suitability, for compliance officers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COMPLIANCE_OFFICER)
public class ComplianceReportResource {

    private final EntityManager em;

    public ComplianceReportResource(EntityManager em) {
        this.em = em;
    }

    public record TierCount(String tier, long clients) {
    }

    public record ReasonCount(String reasonCode, long checks) {
    }

    @GET
    @Path("/clients-without-valid-profile")
    @Transactional
    @Operation(summary = "Clients without a valid risk profile, by tier",
            description = "Clients known to risk-service whose latest assessment is missing or expired.")
    @APIResponse(responseCode = "200", description = "Counts per tier (UNKNOWN when the tier is not known yet)")
    public List<TierCount> clientsWithoutValidProfile() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT coalesce(c.tier, 'UNKNOWN'), count(*) FROM client_ref c
                 WHERE NOT EXISTS (SELECT 1 FROM risk_assessment a WHERE a.client_id = c.client_id AND a.valid_until > now())
                 GROUP BY 1 ORDER BY 1""").getResultList();
        return rows.stream().map(r -> new TierCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    @GET
    @Path("/failed-checks")
    @Transactional
    @Operation(summary = "Suitability checks that did not pass, by reason",
            description = "Checks whose overall verdict was not SUITABLE, counted per reason code, between from and to "
                    + "(ISO-8601 instants; default: the last 30 days).")
    @APIResponse(responseCode = "200", description = "Counts per reason code")
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant")
    public List<ReasonCount> failedChecks(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = Params.instant("to", to, Instant.now());
        Instant start = Params.instant("from", from, end.minusSeconds(30L * 24 * 3600));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT reason, count(*) FROM suitability_check, unnest(reason_codes) AS reason
                 WHERE overall <> 'SUITABLE' AND checked_at >= ?1 AND checked_at < ?2
                 GROUP BY reason ORDER BY count(*) DESC, reason""")
                .setParameter(1, start).setParameter(2, end).getResultList();
        return rows.stream().map(r -> new ReasonCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    @GET
    @Path("/exceptions")
    @Transactional
    @Operation(summary = "Suitability exceptions by status", description = "status: PENDING_APPROVAL, APPROVED or REJECTED.")
    @APIResponse(responseCode = "200", description = "The exceptions, newest first")
    public List<ExceptionResource.ExceptionView> exceptions(@QueryParam("status") String status) {
        SuitabilityException.Status wanted = Params.enumValue(SuitabilityException.Status.class, "status", status);
        List<SuitabilityException> list = wanted == null
                ? SuitabilityException.list("order by createdAt desc")
                : SuitabilityException.list("status = ?1 order by createdAt desc", wanted);
        return list.stream().map(ExceptionResource.ExceptionView::of).toList();
    }
}
