package io.aurum.advisory.service;

import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.domain.Product;
import io.aurum.advisory.domain.ProductStatus;
import io.aurum.advisory.domain.ProductType;
import io.aurum.advisory.messaging.AdviceTopics;
import io.aurum.advisory.rest.ProductRequest;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.aurum.messaging.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The product shelf and its open platform: partners publish and update their own products, which wait for ops'
 * approval (PENDING_APPROVAL) before they go on sale; ops manage every product's status. Staff and clients see what
 * is on sale; partners see only their own products, never clients.
 */
@ApplicationScoped
public class ProductShelf {

    static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    /** Status moves ops may make; a partner may only close (withdraw) its own product. */
    private static final Map<ProductStatus, Set<ProductStatus>> OPS_MOVES = Map.of(
            ProductStatus.DRAFT, EnumSet.of(ProductStatus.PENDING_APPROVAL, ProductStatus.CLOSED),
            ProductStatus.PENDING_APPROVAL, EnumSet.of(ProductStatus.ON_SALE, ProductStatus.DRAFT, ProductStatus.CLOSED),
            ProductStatus.ON_SALE, EnumSet.of(ProductStatus.SUSPENDED, ProductStatus.CLOSED),
            ProductStatus.SUSPENDED, EnumSet.of(ProductStatus.ON_SALE, ProductStatus.CLOSED),
            ProductStatus.CLOSED, EnumSet.noneOf(ProductStatus.class));

    private final Outbox outbox;
    private final Clock clock;

    public ProductShelf(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Products the caller may browse: ops and compliance see every status, a partner its own products in every
     * status, everyone else what is on sale. Optional filters: highest risk rating (1–5), asset class, status.
     */
    @Transactional
    public Page<Product> browse(Caller caller, Integer maxRisk, AssetClass assetClass, ProductStatus status, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caller.is(Roles.PARTNER)) {
            where.add("partnerId = :partner");
            params.and("partner", caller.partnerId());
        } else if (!seesEveryStatus(caller)) {
            where.add("status = :onSale");
            params.and("onSale", ProductStatus.ON_SALE);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (maxRisk != null) {
            where.add("riskRating <= :maxRisk");
            params.and("maxRisk", maxRisk);
        }
        if (assetClass != null) {
            where.add("assetClass = :assetClass");
            params.and("assetClass", assetClass);
        }
        Sort sort = Sort.ascending("riskRating").and("code");
        PanacheQuery<Product> query = where.isEmpty() ? Product.findAll(sort)
                : Product.find(String.join(" and ", where), sort, params);
        long total = query.count();
        return Page.of(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, total);
    }

    @Transactional
    public Product get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    @Transactional
    public Product publish(Caller caller, ProductRequest request) {
        Product p = new Product();
        p.id = UUID.randomUUID();
        apply(p, request, true);
        if (Product.count("code", p.code) > 0) {
            throw new ApiException(409, "duplicate-product-code", "Product code already in use",
                    "a product with code " + p.code + " exists; codes are unique on the shelf");
        }
        Instant now = clock.instant();
        p.createdAt = now;
        p.updatedAt = now;
        p.submittedBy = caller.username();
        if (caller.is(Roles.PARTNER)) {
            p.partnerId = caller.partnerId();
            p.status = ProductStatus.PENDING_APPROVAL;
        } else {
            p.status = ProductStatus.DRAFT;
        }
        p.persist();
        if (p.status == ProductStatus.PENDING_APPROVAL) {
            published(p);
        }
        return p;
    }

    /** Replaces a product's terms. A partner's change of its own product goes back to ops for approval. */
    @Transactional
    public Product replace(Caller caller, UUID id, long expectedVersion, ProductRequest request) {
        Product p = owned(caller, id);
        requireVersion(p.version, expectedVersion);
        if (p.status == ProductStatus.CLOSED) {
            throw ApiException.conflict("product-closed", "a closed product cannot change");
        }
        if (!p.code.equals(request.code())) {
            throw ApiException.badField("code", "the code of a product cannot change (it is " + p.code + ")");
        }
        apply(p, request, false);
        p.updatedAt = clock.instant();
        p.submittedBy = caller.username();
        if (caller.is(Roles.PARTNER)) {
            p.status = ProductStatus.PENDING_APPROVAL;
            p.statusReason = "changed by the partner; waiting for approval";
            p.approvedBy = null;
            p.approvedAt = null;
            published(p);
        }
        return p;
    }

    @Transactional
    public Product move(Caller caller, UUID id, ProductStatus to, String reason) {
        Product p = owned(caller, id);
        ProductStatus from = p.status;
        boolean allowed = caller.is(Roles.OPS_ADMIN) ? OPS_MOVES.get(from).contains(to)
                : to == ProductStatus.CLOSED && from != ProductStatus.CLOSED;
        if (!allowed) {
            throw new ApiException(409, "illegal-product-transition", "This status move is not allowed",
                    "a product cannot move from " + from + " to " + to + (caller.is(Roles.PARTNER)
                            ? " by its partner (partners may withdraw a product: CLOSED)" : ""));
        }
        if (to == ProductStatus.ON_SALE && p.maturityDate != null && !p.maturityDate.isAfter(LocalDate.now(clock.withZone(BANK_ZONE)))) {
            throw ApiException.conflict("product-matured", "the product matured on " + p.maturityDate + "; it cannot go on sale");
        }
        Instant now = clock.instant();
        p.status = to;
        p.statusReason = reason;
        p.updatedAt = now;
        if (from == ProductStatus.PENDING_APPROVAL && to == ProductStatus.ON_SALE) {
            p.approvedBy = caller.username();
            p.approvedAt = now;
            outbox.publish(AdviceTopics.PRODUCT, AdviceTopics.PRODUCT_APPROVED, AdviceTopics.VERSION, null, p.id.toString(),
                    event(p, Map.of("approvedBy", p.approvedBy, "approvedAt", now.toString())));
        }
        return p;
    }

    private void published(Product p) {
        outbox.publish(AdviceTopics.PRODUCT, AdviceTopics.PRODUCT_PUBLISHED, AdviceTopics.VERSION, null, p.id.toString(),
                event(p, Map.of("submittedBy", p.submittedBy == null ? "" : p.submittedBy)));
    }

    private static Map<String, Object> event(Product p, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productId", p.id);
        m.put("code", p.code);
        m.put("nameZh", p.nameZh);
        m.put("nameEn", p.nameEn);
        m.put("type", p.type.name());
        m.put("riskRating", "R" + p.riskRating);
        m.put("assetClass", p.assetClass.name());
        m.put("currency", p.currency);
        m.put("minInvestment", p.minInvestment.toPlainString());
        m.put("maturityDate", p.maturityDate == null ? null : p.maturityDate.toString());
        m.put("partnerId", p.partnerId);
        m.put("status", p.status.name());
        m.putAll(extra);
        return m;
    }

    /** A product the caller may see; otherwise 404 (a partner never learns of others' products). */
    private Product visible(Caller caller, UUID id) {
        Product p = Product.findById(id);
        boolean sees = p != null && (caller.is(Roles.PARTNER) ? caller.partnerId().equals(p.partnerId)
                : seesEveryStatus(caller) || p.status == ProductStatus.ON_SALE);
        if (!sees) {
            throw ApiException.notFound("Product", id);
        }
        return p;
    }

    /** A product the caller may change: ops any, a partner its own. */
    private Product owned(Caller caller, UUID id) {
        Product p = visible(caller, id);
        if (!caller.is(Roles.OPS_ADMIN) && !caller.is(Roles.PARTNER)) {
            throw new ApiException(403, "not-product-owner", "Only ops or the publishing partner may change a product",
                    "the caller may read this product but not change it");
        }
        return p;
    }

    private static boolean seesEveryStatus(Caller caller) {
        return caller.is(Roles.OPS_ADMIN) || caller.is(Roles.COMPLIANCE_OFFICER);
    }

    static void requireVersion(long actual, long expected) {
        if (actual != expected) {
            throw new ApiException(412, "version-mismatch", "The resource changed since it was read",
                    "If-Match was \"" + expected + "\" but the current version is \"" + actual + "\"; read it again");
        }
    }

    private void apply(Product p, ProductRequest r, boolean isNew) {
        p.code = r.code();
        p.nameZh = r.nameZh().strip();
        p.nameEn = r.nameEn().strip();
        p.type = Params.enumValue(ProductType.class, "type", r.type());
        p.riskRating = r.riskRating().charAt(1) - '0';
        p.assetClass = Params.enumValue(AssetClass.class, "assetClass", r.assetClass());
        if (r.minInvestment().amount() == null || r.minInvestment().amount().signum() < 0) {
            throw ApiException.badField("minInvestment.amount", "must be zero or more");
        }
        if (r.minInvestment().amount().scale() > 2 || r.minInvestment().amount().precision() - r.minInvestment().amount().scale() > 16) {
            throw ApiException.badField("minInvestment.amount", "at most 16 digits and 2 decimals");
        }
        if (r.minInvestment().currency() == null || !r.minInvestment().currency().matches("[A-Z]{3}")) {
            throw ApiException.badField("minInvestment.currency", "an ISO 4217 code such as CNY");
        }
        p.currency = r.minInvestment().currency();
        p.minInvestment = r.minInvestment().amount().setScale(2);
        p.lockupDays = r.lockupDays();
        if (isNew && r.maturityDate() != null && !r.maturityDate().isAfter(LocalDate.now(clock.withZone(BANK_ZONE)))) {
            throw ApiException.badField("maturityDate", "a new product must mature in the future");
        }
        p.maturityDate = r.maturityDate();
        p.issuer = r.issuer().strip();
        p.qualifiedInvestorOnly = r.qualifiedInvestorOnly();
        p.privateProduct = r.privateProduct();
        if (r.expectedYieldLow() != null && r.expectedYieldHigh() != null
                && r.expectedYieldLow().compareTo(r.expectedYieldHigh()) > 0) {
            throw ApiException.badField("expectedYieldLow", "must not exceed expectedYieldHigh");
        }
        if ((r.expectedYieldLow() == null) != (r.expectedYieldHigh() == null)) {
            throw ApiException.badField(r.expectedYieldLow() == null ? "expectedYieldLow" : "expectedYieldHigh",
                    "give both ends of the yield range, or neither");
        }
        p.expectedYieldLow = r.expectedYieldLow();
        p.expectedYieldHigh = r.expectedYieldHigh();
        p.description = r.description();
    }

    /** Products that can go into a proposal today. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Product> onSaleToday() {
        LocalDate today = LocalDate.now(clock.withZone(BANK_ZONE));
        return Product.list("status = ?1 and (maturityDate is null or maturityDate > ?2)", ProductStatus.ON_SALE, today);
    }
}
