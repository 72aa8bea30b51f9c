package io.aurum.advisory.service;

import io.aurum.advisory.config.AdviceConfig;
import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.domain.ClientRef;
import io.aurum.advisory.domain.Goal;
import io.aurum.advisory.domain.ModelPortfolio;
import io.aurum.advisory.planning.GoalPlan;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Clients' goals and what each needs: planned at the expected return of the model for the client's risk level (cash's
 * return when the client has no level yet, and the answer says so).
 */
@ApplicationScoped
public class Goals {

    public record Spec(Goal.Type type, String name, BigDecimal targetAmount, String currency, LocalDate targetDate,
                       BigDecimal fundedAmount) {
    }

    public record Planned(Goal goal, GoalPlan plan, BigDecimal assumedReturn, String basis) {
    }

    private final AdviceAccess access;
    private final ModelPortfolios models;
    private final AdviceConfig config;
    private final Clock clock;

    public Goals(AdviceAccess access, ModelPortfolios models, AdviceConfig config, Clock clock) {
        this.access = access;
        this.models = models;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<Planned> list(Caller caller, UUID clientId) {
        ClientRef ref = access.requireRead(caller, clientId);
        return Goal.<Goal>list("clientId = ?1 order by targetDate, createdAt", clientId).stream().map(g -> plan(ref, g)).toList();
    }

    @Transactional
    public Planned create(Caller caller, UUID clientId, Spec spec) {
        ClientRef ref = writable(caller, clientId);
        validate(spec);
        Instant now = clock.instant();
        Goal g = new Goal();
        g.id = UUID.randomUUID();
        g.clientId = clientId;
        apply(g, spec);
        g.createdBy = caller.username();
        g.createdAt = now;
        g.updatedAt = now;
        g.persist();
        return plan(ref, g);
    }

    @Transactional
    public Planned replace(Caller caller, UUID clientId, UUID goalId, long expectedVersion, Spec spec) {
        ClientRef ref = writable(caller, clientId);
        Goal g = Goal.findById(goalId);
        if (g == null || !g.clientId.equals(clientId)) {
            throw ApiException.notFound("Goal", goalId);
        }
        ProductShelf.requireVersion(g.version, expectedVersion);
        validate(spec);
        apply(g, spec);
        g.updatedAt = clock.instant();
        g.persist();
        g.flush();
        return plan(ref, g);
    }

    private ClientRef writable(Caller caller, UUID clientId) {
        if (caller.is(Roles.CLIENT) && clientId.equals(caller.clientId())) {
            return access.requireRead(caller, clientId);
        }
        return access.requireAdvise(caller, clientId);
    }

    private void validate(Spec s) {
        if (!Proposals.CURRENCY.equals(s.currency())) {
            throw ApiException.badField("targetAmount.currency", "goals are planned in CNY");
        }
        if (!s.targetDate().isAfter(LocalDate.now(clock.withZone(ProductShelf.BANK_ZONE)))) {
            throw ApiException.badField("targetDate", "must be in the future");
        }
        if (s.fundedAmount() != null && s.fundedAmount().signum() < 0) {
            throw ApiException.badField("fundedAmount.amount", "must be zero or more");
        }
    }

    private static void apply(Goal g, Spec s) {
        g.type = s.type();
        g.name = s.name().strip();
        g.targetAmount = s.targetAmount().setScale(2);
        g.currency = s.currency();
        g.targetDate = s.targetDate();
        g.fundedAmount = (s.fundedAmount() == null ? BigDecimal.ZERO : s.fundedAmount()).setScale(2);
    }

    private Planned plan(ClientRef ref, Goal g) {
        ModelPortfolio model = ref.riskLevel == null ? null : ModelPortfolio.active(ref.riskLevel).orElse(null);
        BigDecimal r;
        String basis;
        if (model != null) {
            r = models.expectedReturn(model);
            basis = "model " + model.riskLevel + " v" + model.version + " at the house assumptions";
        } else {
            r = config.assumptions().toAssumptions().expectedReturn().get(AssetClass.CASH);
            basis = "cash return: the client has no risk profile yet";
        }
        return new Planned(g, GoalPlan.of(g.targetAmount, g.targetDate, g.fundedAmount, r,
                LocalDate.now(clock.withZone(ProductShelf.BANK_ZONE))), r, basis);
    }
}
