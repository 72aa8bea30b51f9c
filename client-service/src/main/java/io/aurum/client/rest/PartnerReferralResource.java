package io.aurum.client.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.aurum.client.service.PartnerReferrals;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The partner API's referral submission (转介绍 from insurers, trust and fund houses). */
@Path("/api/clients/referrals")
@Tag(name = "Partner referrals", description = "Partner institutions refer prospects to the bank")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerReferralResource {

    @Schema(description = "A person a partner refers to the bank")
    public record PartnerReferral(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*",
                    message = "letters, digits and . _ : - only, starting with a letter or digit")
            @Schema(description = "The partner's own id for this referral; sending it again answers the first receipt",
                    example = "PA-2026-000123") String partnerReference,
            @NotBlank @Size(max = 200) @Schema(example = "周明") String fullName,
            @Pattern(regexp = NewClient.PHONE, message = NewClient.PHONE_MESSAGE)
            @Schema(example = "+86 139 0000 1234") String phone,
            @Email @Size(max = 200) @Schema(example = "zhou.ming@example.cn") String email,
            @NotNull @AssertTrue(message = "must be true: refer only people who agreed to be contacted by the bank")
            @Schema(description = "The partner attests that the person agreed to be contacted by the bank")
            Boolean contactConsent) {
    }

    /** What the partner gets back; {@code firstReceipt} (201 or 200) stays out of the body. */
    @Schema(description = "What the partner gets back: its own reference and when the bank received it")
    public record PartnerReferralReceipt(String partnerReference, String status, Instant receivedAt,
                                         @JsonIgnore @Schema(hidden = true) boolean firstReceipt) {
        public static final String RECEIVED = "RECEIVED";
    }

    private final PartnerReferrals referrals;
    private final SecurityIdentity identity;

    public PartnerReferralResource(PartnerReferrals referrals, SecurityIdentity identity) {
        this.referrals = referrals;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Refer a prospect (partners)",
            description = "The person becomes a prospect of the bank's partner-referral team, whose team lead assigns a "
                    + "relationship manager. Phone and e-mail are encrypted at rest. The partner learns nothing about the "
                    + "client it created: the answer is a receipt. Sending the same partnerReference again answers the "
                    + "first receipt (200) and registers nobody.")
    @APIResponse(responseCode = "201", description = "Received",
            content = @Content(schema = @Schema(implementation = PartnerReferralReceipt.class)))
    @APIResponse(responseCode = "200", description = "Already received under this partnerReference",
            content = @Content(schema = @Schema(implementation = PartnerReferralReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, the offending field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull PartnerReferral referral) {
        PartnerReferralReceipt receipt = referrals.submit(referral.partnerReference(), referral.fullName(),
                referral.phone(), referral.email(), Caller.of(identity));
        return Response.status(receipt.firstReceipt() ? 201 : 200).entity(receipt).build();
    }
}
