package io.aurum.advisory.suitability;

import io.aurum.advisory.domain.Product;
import io.aurum.advisory.proposals.CoolingOff;
import io.aurum.advisory.risk.SuitabilityAnswer;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Money;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/advice/suitability-checks")
@Tag(name = "Suitability", description = "Binding suitability checks on the shelf's facts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShelfSuitabilityResource {

    private final ShelfSuitability suitability;
    private final SecurityIdentity identity;

    public ShelfSuitabilityResource(ShelfSuitability suitability, SecurityIdentity identity) {
        this.suitability = suitability;
        this.identity = identity;
    }

    public record LineAmount(@NotNull @DecimalMin("0.01") @DecimalMax("100000000000.00") @Digits(integer = 12, fraction = 2)
                             @Schema(example = "500000.00") BigDecimal amount,
                             @NotNull @Pattern(regexp = "[A-Z]{3}") @Schema(example = "CNY") String currency) {
    }

    public record LineRequest(@NotBlank @Size(max = 100) @Schema(description = "The product's shelf code or id", example = "PF-HEDGE-MN")
                              String product,
                              @Valid @Schema(description = "The amount to check; the product's minimum investment when left out")
                              LineAmount amount) {
    }

    public record CheckRequest(@NotNull @Schema(example = "c1a2b3c4-0000-4000-8000-000000000001") UUID clientId,
                               @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid LineRequest> lines) {
    }

    /** The product as the shelf describes it: what the check was decided on. */
    public record ShelfProduct(UUID id, String code, String type, String riskRating, String assetClass, int lockupDays,
                               boolean qualifiedInvestorOnly, boolean privateProduct) {
    }

    public record LineAnswer(int line, ShelfProduct product, Money amount, String verdict, List<SuitabilityAnswer.Reason> reasons,
                             boolean requiresComplianceApproval) {
    }

    public record CheckAnswer(UUID clientId,
                              @Schema(description = "Always true here: decided on the shelf's facts, the answer advice relies on")
                              boolean binding,
                              @Schema(description = "The worst line: SUITABLE, REQUIRES_ACKNOWLEDGEMENT, UNSUITABLE or NOT_ASSESSED")
                              String overall, List<LineAnswer> lines, Instant coolingOffEndsAt, Instant checkedAt) {
    }

    @POST
    @RolesAllowed({Roles.CLIENT, Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Is this product suitable for the client? (binding, on the shelf's facts)",
            description = "Name products by shelf code or id, with optional CNY amounts (the minimum investment otherwise). "
                    + "advisory-service takes each product's risk rating, asset class, lock-up, qualified-investor flag and type "
                    + "from the shelf — never from the caller — and has risk-service decide with its service token, so the "
                    + "answer is binding (binding: true). The client checks for itself; staff for clients in their reach "
                    + "(advisor, RM, team lead), compliance for anyone. This is the route for the app: risk-service's "
                    + "POST /api/risk/suitability-checks answers staff what-ifs only and refuses clients.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "an R4 fund", value = """
            {"clientId":"c1a2b3c4-0000-4000-8000-000000000001","lines":[{"product":"MF-QDII-SPX","amount":{"amount":"100000.00","currency":"CNY"}}]}""")))
    @APIResponse(responseCode = "200", description = "The verdicts, binding", content = @Content(schema = @Schema(implementation = CheckAnswer.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, a product not on sale, or not in CNY; the field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Client not in the caller's reach (a client asking about another)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "risk-service cannot check now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckAnswer check(@Valid @NotNull CheckRequest request) {
        List<ShelfSuitability.Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            LineRequest l = request.lines().get(i);
            if (l.amount() != null && !"CNY".equals(l.amount().currency())) {
                throw ApiException.badField("lines[" + i + "].amount.currency", "suitability is checked in CNY");
            }
            wanted.add(new ShelfSuitability.Wanted(l.product(), l.amount() == null ? null : l.amount().amount()));
        }
        ShelfSuitability.Checked checked = suitability.check(Caller.of(identity), request.clientId(), wanted);
        List<LineAnswer> lines = new ArrayList<>();
        for (int i = 0; i < checked.products().size(); i++) {
            Product p = checked.products().get(i);
            SuitabilityAnswer.LineAnswer a = checked.answer().lines().get(i);
            BigDecimal amount = checked.amounts().get(i);
            lines.add(new LineAnswer(i, new ShelfProduct(p.id, p.code, p.type.name(), "R" + p.riskRating, p.assetClass.name(),
                    p.lockupDays, p.qualifiedInvestorOnly, CoolingOff.applies(p.type, p.privateProduct)),
                    Money.of(amount, "CNY"), a.verdict(), a.reasons() == null ? List.of() : a.reasons(), a.requiresComplianceApproval()));
        }
        return new CheckAnswer(request.clientId(), true, checked.answer().overall(), lines, checked.answer().coolingOffEndsAt(),
                checked.checkedAt());
    }
}
