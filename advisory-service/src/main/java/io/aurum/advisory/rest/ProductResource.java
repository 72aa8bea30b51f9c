package io.aurum.advisory.rest;

import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.domain.Product;
import io.aurum.advisory.service.ProductShelf;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/advice/products")
@Tag(name = "Product shelf", description = "Products the bank can propose")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final ProductShelf shelf;
    private final SecurityIdentity identity;

    public ProductResource(ProductShelf shelf, SecurityIdentity identity) {
        this.shelf = shelf;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER,
            Roles.OPS_ADMIN, Roles.CLIENT})
    @Operation(summary = "Browse the product shelf",
            description = "Paged, lowest risk first. Ops and compliance see every status; everyone else sees products on sale.")
    @APIResponse(responseCode = "200", description = "A page of products")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProductView> browse(
            @Parameter(description = "Highest product risk rating, 1–5 (R1–R5)") @QueryParam("maxRisk") @Min(1) @Max(5) Integer maxRisk,
            @Parameter(description = "Asset class: CASH, FIXED_INCOME, EQUITY, ALTERNATIVE or INSURANCE") @QueryParam("assetClass") String assetClass,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page<Product> result = shelf.browse(Caller.of(identity), maxRisk,
                Params.enumValue(AssetClass.class, "assetClass", assetClass), page, size);
        return Page.of(result.items().stream().map(ProductView::of).toList(), page, size, result.total());
    }
}
