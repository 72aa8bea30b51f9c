package io.aurum.client.rest;

import io.aurum.client.aum.AumUploads;
import io.aurum.client.aum.FxRates;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/** AUM snapshots from core banking: bulk uploads as jobs, and the exchange rates they are converted with. */
@Path("/api/aum")
@Tag(name = "AUM", description = "Daily position snapshots and exchange rates")
@Produces(MediaType.APPLICATION_JSON)
public class AumResource {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";

    private final AumUploads uploads;
    private final FxRates rates;
    private final SecurityIdentity identity;

    public AumResource(AumUploads uploads, FxRates rates, SecurityIdentity identity) {
        this.uploads = uploads;
        this.rates = rates;
        this.identity = identity;
    }

    @POST
    @Path("/uploads")
    @Consumes({CSV, NDJSON})
    @RolesAllowed({Roles.OPS_ADMIN})
    @Operation(summary = "Upload a day's positions (CSV or JSON lines) as an asynchronous job",
            description = "ops-admin. CSV header: as_of,client_id,product_code,asset_class,currency,amount[,risk_rating]; "
                    + "JSON lines: {asOf, clientId, productCode, assetClass, currency, amount, riskRating}. The positions of "
                    + "each (client, day) in the file replace the earlier ones, so re-sending a file never double counts. "
                    + "Bad rows are reported with their row number; good rows load. Poll the job for progress.")
    @APIResponse(responseCode = "202", description = "Queued; Location is the job",
            content = @Content(schema = @Schema(implementation = AumUploads.Job.class)))
    @APIResponse(responseCode = "413", description = "Larger than aurum.aum.max-upload-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@HeaderParam("Content-Type") String contentType, InputStream body, @Context UriInfo uri) {
        AumUploads.Format format = contentType != null && contentType.toLowerCase().startsWith(NDJSON)
                ? AumUploads.Format.JSONL : AumUploads.Format.CSV;
        AumUploads.Job job = uploads.submit(format, body, Caller.of(identity));
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id().toString()).build()).build();
    }

    @GET
    @Path("/uploads/{id}")
    @RolesAllowed({Roles.OPS_ADMIN, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "An upload job: status, progress, row counts and the first 100 row errors")
    public AumUploads.Job job(@PathParam("id") String id) {
        return uploads.job(Params.uuid("id", id));
    }

    @POST
    @Path("/fx-rates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS_ADMIN})
    @Operation(summary = "Upload exchange rates to CNY", description = "ops-admin. A JSON array of {date, currency, rateToCny}; "
            + "a rate for an existing day and currency replaces it. All or nothing.")
    @APIResponse(responseCode = "200", description = "How many rates were stored")
    public Response uploadRates(List<FxRates.Rate> body) {
        int stored = rates.upload(body, Caller.of(identity));
        return Response.ok(java.util.Map.of("stored", stored)).build();
    }

    @GET
    @Path("/fx-rates")
    @RolesAllowed({Roles.OPS_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR})
    @Operation(summary = "Exchange rates between two days (default: the last 7 days)")
    public List<FxRates.Rate> rates(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = Params.date("to", to, LocalDate.now());
        LocalDate start = Params.date("from", from, end.minusDays(7));
        if (start.isAfter(end) || start.isBefore(end.minusDays(366))) {
            throw ApiException.badField("from", "must be on or before 'to' and at most a year earlier");
        }
        return rates.on(start, end);
    }

}
