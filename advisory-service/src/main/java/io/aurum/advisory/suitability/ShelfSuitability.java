package io.aurum.advisory.suitability;

import io.aurum.advisory.domain.Product;
import io.aurum.advisory.domain.ProductStatus;
import io.aurum.advisory.risk.RiskServiceClient;
import io.aurum.advisory.risk.SuitabilityAnswer;
import io.aurum.advisory.risk.SuitabilityChecks;
import io.aurum.advisory.service.AdviceAccess;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The binding suitability check for anyone — the client for itself, staff for clients in their reach: the caller names
 * products, the shelf supplies what they are (rating, class, lock-up, qualified-investor and private flags), and
 * risk-service decides on those facts. A caller's own description of a product is never asked for.
 */
@ApplicationScoped
public class ShelfSuitability {

    /** A product named by shelf code or id, and the CNY amount to check (the product's minimum when null). */
    public record Wanted(String product, BigDecimal amountCny) {
    }

    public record Checked(List<Product> products, List<BigDecimal> amounts, SuitabilityAnswer answer, Instant checkedAt) {
    }

    private final AdviceAccess access;
    private final SuitabilityChecks checks;
    private final Clock clock;

    public ShelfSuitability(AdviceAccess access, SuitabilityChecks checks, Clock clock) {
        this.access = access;
        this.checks = checks;
        this.clock = clock;
    }

    @Transactional
    public Checked check(Caller caller, UUID clientId, List<Wanted> wanted) {
        access.requireRead(caller, clientId);
        List<FieldError> errors = new ArrayList<>();
        List<Product> products = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String at = "lines[" + i + "].product";
            Product p = onTheShelf(wanted.get(i).product());
            if (p == null || p.status != ProductStatus.ON_SALE) {
                errors.add(new FieldError(at, "no product on sale with code or id " + wanted.get(i).product()));
            } else if (!"CNY".equals(p.currency)) {
                errors.add(new FieldError(at, p.code + " is in " + p.currency + "; suitability is checked in CNY"));
            }
            products.add(p);
            amounts.add(wanted.get(i).amountCny() != null ? wanted.get(i).amountCny() : p == null ? null : p.minInvestment);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid products", errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        List<RiskServiceClient.Line> lines = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            lines.add(RiskServiceClient.Line.fromShelf(products.get(i), amounts.get(i)));
        }
        SuitabilityAnswer answer = checks.check(new RiskServiceClient.CheckRequest(clientId, lines));
        if (answer.lines() == null || answer.lines().size() != lines.size()) {
            throw new ApiException(503, "risk-service-unavailable", "Suitability cannot be checked right now",
                    "risk-service answered for a different number of lines");
        }
        return new Checked(products, amounts, answer, clock.instant());
    }

    private static Product onTheShelf(String codeOrId) {
        try {
            return Product.findById(UUID.fromString(codeOrId));
        } catch (IllegalArgumentException notAnId) {
            return Product.find("code", codeOrId).firstResult();
        }
    }
}
