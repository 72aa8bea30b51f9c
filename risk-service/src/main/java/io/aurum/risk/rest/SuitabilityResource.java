package io.aurum.risk.rest;

import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.risk.service.SuitabilityCallers;
import io.aurum.risk.service.SuitabilityService;
import io.aurum.risk.suitability.ProductLine;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/risk/suitability-checks")
@Tag(name = "Suitability", description = "Is a product, or a whole proposal, suitable for a client?")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuitabilityResource {

    /** Where a client's check is decided on the shelf's facts. */
    static final String ADVICE_ROUTE = "POST /api/advice/suitability-checks";

    private final SuitabilityService suitability;
    private final SuitabilityCallers callers;
    private final SecurityIdentity identity;

    public SuitabilityResource(SuitabilityService suitability, SuitabilityCallers callers, SecurityIdentity identity) {
        this.suitability = suitability;
        this.callers = callers;
        this.identity = identity;
    }

    public record Amount(@NotNull @DecimalMin(value = "0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                         @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    public record Line(
            @NotBlank @Size(max = 100) String productId,
            @NotNull @Pattern(regexp = "R[1-5]", message = "must be R1 to R5") String riskRating,
            @Size(max = 20) String assetClass,
            @Min(0) int lockupDays,
            boolean qualifiedInvestorOnly,
            boolean privateProduct,
            @NotNull @Valid Amount amount) {
    }

    public record CheckRequest(@NotNull UUID clientId, @NotNull @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.CLIENT,
            Roles.INTERNAL_SERVICE})
    @Operation(summary = "Check one product or a whole proposal (binding for advisory-service, a what-if for staff)",
            description = "Each line gets SUITABLE, REQUIRES_ACKNOWLEDGEMENT, UNSUITABLE or NOT_ASSESSED with reason codes "
                    + "and text in Chinese and English; the overall verdict is the worst line. Rules: missing or expired "
                    + "profile, risk above level (STRICT refuses; ACKNOWLEDGED needs the client's acknowledgement and "
                    + "compliance approval), 65 or over and R4+, single-product and R4/R5 concentration, lock-up beyond "
                    + "the stated horizon, qualified investors only, private products' cooling-off. Amounts in CNY. "
                    + "The product attributes are the caller's, so the answer binds only for advisory-service, which takes "
                    + "them from the shelf (its service token; aurum.risk.suitability.binding-callers): binding: true. Staff "
                    + "(advisor, RM, team lead, compliance) get a what-if, binding: false, recorded as such. A client is refused "
                    + "(403): its check is " + ADVICE_ROUTE + ", decided on the shelf's facts.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two lines", value = """
            {"clientId":"c1a2b3c4-0000-4000-8000-000000000001","lines":[
              {"productId":"MF-BAL-001","riskRating":"R3","assetClass":"EQUITY","lockupDays":0,"amount":{"amount":"500000.00","currency":"CNY"}},
              {"productId":"PF-PE-GROWTH","riskRating":"R5","assetClass":"ALTERNATIVE","lockupDays":1095,
               "qualifiedInvestorOnly":true,"privateProduct":true,"amount":{"amount":"1000000.00","currency":"CNY"}}]}""")))
    @APIResponse(responseCode = "200", description = "The verdicts, and whether they bind",
            content = @Content(schema = @Schema(implementation = SuitabilityCheckAnswer.class)))
    @APIResponse(responseCode = "400", description = "A malformed line; the field is named (lines[i].…)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A client (suitability-check-through-advice): use " + ADVICE_ROUTE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Client not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SuitabilityCheckAnswer check(@Valid @NotNull CheckRequest request) {
        Caller caller = Caller.of(identity);
        if (caller.is(Roles.CLIENT) && !isStaffOrService(caller)) {
            throw new ApiException(403, "suitability-check-through-advice", "Clients check suitability through advice",
                    "this route takes the product's attributes from the caller, so it answers staff what-ifs only; a client's "
                            + "check is " + ADVICE_ROUTE + " with the product codes, decided on the shelf's facts");
        }
        boolean binding = callers.isBinding(identity, caller);
        List<ProductLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            Line line = request.lines().get(i);
            if (!"CNY".equals(line.amount().currency())) {
                throw ApiException.badField("lines[" + i + "].amount.currency",
                        "only CNY amounts are checked; convert at the day's rate first");
            }
            lines.add(new ProductLine(line.productId(), line.riskRating().charAt(1) - '0', line.assetClass(),
                    line.lockupDays(), line.qualifiedInvestorOnly(), line.privateProduct(), line.amount().amount()));
        }
        return SuitabilityCheckAnswer.of(suitability.check(request.clientId(), lines, caller, binding), binding);
    }

    private static boolean isStaffOrService(Caller caller) {
        return caller.is(Roles.ADVISOR) || caller.is(Roles.RELATIONSHIP_MANAGER) || caller.is(Roles.TEAM_LEAD)
                || caller.is(Roles.COMPLIANCE_OFFICER) || caller.is(Roles.INTERNAL_SERVICE);
    }
}
