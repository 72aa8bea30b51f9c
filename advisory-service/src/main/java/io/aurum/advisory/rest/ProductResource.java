package io.aurum.advisory.rest;

import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.domain.Product;
import io.aurum.advisory.domain.ProductStatus;
import io.aurum.advisory.service.ProductShelf;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/advice/products")
@Tag(name = "Product shelf", description = "Products the bank can propose, and the open platform partners publish through")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    private static final String PRODUCT_EXAMPLE = """
            {"code":"PF-EVG-BOND-01","nameZh":"常青稳健债券私募","nameEn":"Evergreen steady bond fund","type":"PRIVATE_FUND",
             "riskRating":"R3","assetClass":"FIXED_INCOME","minInvestment":{"amount":"1000000.00","currency":"CNY"},
             "lockupDays":180,"maturityDate":null,"issuer":"Evergreen Asset Management","qualifiedInvestorOnly":true,
             "privateProduct":true,"expectedYieldLow":"0.0350","expectedYieldHigh":"0.0500",
             "description":"Investment-grade onshore bonds, quarterly liquidity after the lock-up"}""";

    private final ProductShelf shelf;
    private final SecurityIdentity identity;

    public ProductResource(ProductShelf shelf, SecurityIdentity identity) {
        this.shelf = shelf;
        this.identity = identity;
    }

    public record StatusChange(@NotBlank @Schema(description = "DRAFT, PENDING_APPROVAL, ON_SALE, SUSPENDED or CLOSED",
            example = "ON_SALE") String status, @Size(max = 500) @Schema(example = "terms checked by product control") String reason) {
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER,
            Roles.OPS_ADMIN, Roles.CLIENT, Roles.PARTNER})
    @Operation(summary = "Browse the product shelf",
            description = "Paged, lowest risk first. Ops and compliance see every status; a partner sees only its own products "
                    + "(every status); everyone else sees products on sale.")
    @APIResponse(responseCode = "200", description = "A page of products")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProductView> browse(
            @Parameter(description = "Highest product risk rating, 1–5 (R1–R5)") @QueryParam("maxRisk") @Min(1) @Max(5) Integer maxRisk,
            @Parameter(description = "Asset class: CASH, FIXED_INCOME, EQUITY, ALTERNATIVE or INSURANCE") @QueryParam("assetClass") String assetClass,
            @Parameter(description = "Status (ops, compliance and partners see more than ON_SALE)") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page<Product> result = shelf.browse(Caller.of(identity), maxRisk,
                Params.enumValue(AssetClass.class, "assetClass", assetClass),
                Params.enumValue(ProductStatus.class, "status", status), page, size);
        return Page.of(result.items().stream().map(ProductView::of).toList(), page, size, result.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER,
            Roles.OPS_ADMIN, Roles.CLIENT, Roles.PARTNER})
    @Operation(summary = "One product", description = "ETag carries its version. 404 for a product the caller may not see.")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not visible",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        return withTag(shelf.get(Caller.of(identity), Params.uuid("id", id)), Response.Status.OK);
    }

    @POST
    @RolesAllowed({Roles.OPS_ADMIN, Roles.PARTNER})
    @Operation(summary = "Publish a product",
            description = "A partner's product enters as PENDING_APPROVAL (ProductPublished) and goes on sale when ops approve it; "
                    + "ops' own products start as DRAFT. Codes are unique.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "partner fund", value = PRODUCT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; it is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@Valid @NotNull ProductRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Product p = shelf.publish(Caller.of(identity), request);
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                .entity(ProductView.of(p)).tag(new EntityTag(Long.toString(p.version))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.OPS_ADMIN, Roles.PARTNER})
    @Operation(summary = "Change a product's terms",
            description = "Full replacement with If-Match. A partner changes only its own products, and a change sends the "
                    + "product back to PENDING_APPROVAL. The code cannot change; closed products cannot change.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "partner fund", value = PRODUCT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "Not the caller's product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ProductRequest request) {
        long version = Params.requiredIfMatch(ifMatch);
        return withTag(shelf.replace(Caller.of(identity), Params.uuid("id", id), version, request), Response.Status.OK);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.OPS_ADMIN, Roles.PARTNER})
    @Operation(summary = "Approve, suspend, resume or close a product",
            description = "Ops: DRAFT → PENDING_APPROVAL; PENDING_APPROVAL → ON_SALE (approval: ProductApproved) or back to DRAFT; "
                    + "ON_SALE ⇄ SUSPENDED; anything → CLOSED. A partner may only withdraw (CLOSED) its own product.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = "{\"status\":\"ON_SALE\",\"reason\":\"terms checked\"}")))
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "Not a legal move",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response move(@PathParam("id") String id, @Valid @NotNull StatusChange change) {
        ProductStatus to = Params.enumValue(ProductStatus.class, "status", change.status());
        return withTag(shelf.move(Caller.of(identity), Params.uuid("id", id), to, change.reason()), Response.Status.OK);
    }

    private static Response withTag(Product p, Response.Status status) {
        return Response.status(status).entity(ProductView.of(p)).tag(new EntityTag(Long.toString(p.version))).build();
    }
}
