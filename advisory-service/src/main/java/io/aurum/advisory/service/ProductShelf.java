package io.aurum.advisory.service;

import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.domain.Product;
import io.aurum.advisory.domain.ProductStatus;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ProductShelf {

    /**
     * Products the caller may browse: ops and compliance see every status, everyone else only what is on sale.
     * Optional filters: highest risk rating (1–5) and asset class.
     */
    @Transactional
    public Page<Product> browse(Caller caller, Integer maxRisk, AssetClass assetClass, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!caller.is(Roles.OPS_ADMIN) && !caller.is(Roles.COMPLIANCE_OFFICER)) {
            where.add("status = :onSale");
            params.and("onSale", ProductStatus.ON_SALE);
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
}
