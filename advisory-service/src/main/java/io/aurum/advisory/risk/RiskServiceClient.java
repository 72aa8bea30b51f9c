package io.aurum.advisory.risk;

import io.aurum.advisory.domain.Product;
import io.aurum.advisory.proposals.CoolingOff;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * risk-service's suitability API, called with advisory-service's own client-credentials token (Keycloak, role
 * internal-service). advisory-service is the one caller whose product attributes risk-service believes for a binding
 * check (it takes them from the shelf), so the answer says {@code binding: true}. Answers are read by
 * {@link SuitabilityChecks}, which adds timeouts, retries and a breaker.
 */
@RegisterRestClient(configKey = "risk-service")
@OidcClientFilter
@Path("/api/risk/suitability-checks")
public interface RiskServiceClient {

    record Amount(BigDecimal amount, String currency) {
    }

    record Line(String productId, String riskRating, String assetClass, int lockupDays, boolean qualifiedInvestorOnly,
                boolean privateProduct, Amount amount) {

        /** A line described by the shelf, never by a caller: rating, class, lock-up and flags are the bank's facts. */
        public static Line fromShelf(Product product, BigDecimal amountCny) {
            return new Line(product.code, "R" + product.riskRating, product.assetClass.name(), product.lockupDays,
                    product.qualifiedInvestorOnly, CoolingOff.applies(product.type, product.privateProduct),
                    new Amount(amountCny, "CNY"));
        }
    }

    record CheckRequest(UUID clientId, List<Line> lines) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    Response check(CheckRequest request);
}
