package io.aurum.advisory.service;

import io.aurum.advisory.config.AdviceConfig;
import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.domain.ModelPortfolio;
import io.aurum.advisory.planning.Drift;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Model portfolios per risk level, versioned: a change writes a new ACTIVE version and retires the previous one. */
@ApplicationScoped
public class ModelPortfolios {

    private static final Pattern LEVEL = Pattern.compile("C[1-5]");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record WeightSpec(String assetClass, BigDecimal targetPercent, BigDecimal bandPercent) {
    }

    private final Clock clock;
    private final AdviceConfig config;

    public ModelPortfolios(Clock clock, AdviceConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public List<ModelPortfolio> active() {
        return ModelPortfolio.allActive();
    }

    @Transactional
    public List<ModelPortfolio> history(String level) {
        requireLevel(level);
        return ModelPortfolio.list("riskLevel = ?1 order by version desc", level);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModelPortfolio activeFor(String level) {
        return ModelPortfolio.active(level).orElseThrow(() -> new ApiException(409, "no-model-portfolio",
                "No model portfolio for this risk level", "there is no active model portfolio for " + level));
    }

    @Transactional
    public ModelPortfolio publish(Caller caller, String level, String name, String note, List<WeightSpec> weights) {
        requireLevel(level);
        Map<AssetClass, ModelPortfolio.Weight> parsed = validate(weights);
        ModelPortfolio current = ModelPortfolio.active(level).orElse(null);
        int version = 1;
        if (current != null) {
            version = current.version + 1;
            current.status = "RETIRED";
            current.flush();
        }
        ModelPortfolio m = new ModelPortfolio();
        m.id = UUID.randomUUID();
        m.riskLevel = level;
        m.version = version;
        m.status = "ACTIVE";
        m.name = name == null || name.isBlank() ? (current != null ? current.name : level) : name.strip();
        m.note = note;
        m.createdBy = caller.username();
        m.createdAt = clock.instant();
        m.weights = new EnumMap<>(parsed);
        m.persist();
        return m;
    }

    /** The expected annual return of a model at the house assumptions (Σ target · class return). */
    public BigDecimal expectedReturn(ModelPortfolio m) {
        Map<AssetClass, BigDecimal> r = config.assumptions().toAssumptions().expectedReturn();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<AssetClass, ModelPortfolio.Weight> e : m.weights.entrySet()) {
            sum = sum.add(e.getValue().targetPercent.multiply(r.get(e.getKey())));
        }
        return sum.divide(HUNDRED, 4, RoundingMode.HALF_EVEN);
    }

    public static Map<AssetClass, BigDecimal> targets(ModelPortfolio m) {
        Map<AssetClass, BigDecimal> t = new EnumMap<>(AssetClass.class);
        m.weights.forEach((c, w) -> t.put(c, w.targetPercent));
        return t;
    }

    public static Map<AssetClass, Drift.Target> driftTargets(ModelPortfolio m) {
        Map<AssetClass, Drift.Target> t = new EnumMap<>(AssetClass.class);
        m.weights.forEach((c, w) -> t.put(c, new Drift.Target(w.targetPercent, w.bandPercent)));
        return t;
    }

    private static void requireLevel(String level) {
        if (level == null || !LEVEL.matcher(level).matches()) {
            throw ApiException.badField("level", "must be C1 to C5");
        }
    }

    /** Every class at most once, targets and bands 0–100 with 2 decimals, targets summing to exactly 100. */
    static Map<AssetClass, ModelPortfolio.Weight> validate(List<WeightSpec> weights) {
        List<FieldError> errors = new ArrayList<>();
        Map<AssetClass, ModelPortfolio.Weight> parsed = new EnumMap<>(AssetClass.class);
        if (weights == null || weights.isEmpty()) {
            throw ApiException.badField("weights", "at least one asset class is needed");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            WeightSpec w = weights.get(i);
            String at = "weights[" + i + "]";
            if (w == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            AssetClass c = null;
            try {
                c = w.assetClass() == null ? null : AssetClass.valueOf(w.assetClass());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (c == null) {
                errors.add(new FieldError(at + ".assetClass", "must be one of CASH, FIXED_INCOME, EQUITY, ALTERNATIVE, INSURANCE"));
            } else if (parsed.containsKey(c)) {
                errors.add(new FieldError(at + ".assetClass", c + " appears twice"));
            }
            if (!percent(w.targetPercent())) {
                errors.add(new FieldError(at + ".targetPercent", "a percentage 0–100 with at most 2 decimals"));
            }
            if (!percent(w.bandPercent()) || (w.bandPercent() != null && w.bandPercent().compareTo(BigDecimal.valueOf(50)) > 0)) {
                errors.add(new FieldError(at + ".bandPercent", "a tolerance of 0–50 percentage points with at most 2 decimals"));
            }
            if (c != null && percent(w.targetPercent()) && percent(w.bandPercent())) {
                parsed.put(c, new ModelPortfolio.Weight(w.targetPercent().setScale(2), w.bandPercent().setScale(2)));
                sum = sum.add(w.targetPercent());
            }
        }
        if (errors.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            errors.add(new FieldError("weights", "target weights add up to " + sum.stripTrailingZeros().toPlainString()
                    + "%; they must add up to 100%"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid model portfolio", errors.get(0).field() + ": "
                    + errors.get(0).message(), errors);
        }
        for (AssetClass c : AssetClass.values()) {
            parsed.putIfAbsent(c, new ModelPortfolio.Weight(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
        }
        return parsed;
    }

    private static boolean percent(BigDecimal v) {
        return v != null && v.signum() >= 0 && v.compareTo(HUNDRED) <= 0 && v.stripTrailingZeros().scale() <= 2;
    }
}
