package io.aurum.advisory.config;

import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.planning.CapitalMarketAssumptions;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** advisory-service settings (application.properties documents each default). */
@ConfigMapping(prefix = "aurum.advice")
public interface AdviceConfig {

    /** How long a presented proposal waits for the client's answer before it expires. */
    @WithDefault("P30D")
    Duration proposalValidity();

    /** When presented proposals are checked for expiry (Quartz cron, Asia/Shanghai; "off" disables). */
    @WithDefault("0 5 * * * ?")
    String expiryCron();

    /**
     * How long the client may withdraw after accepting a proposal that holds a private product (冷静期); the acceptance
     * is final, and ProposalAccepted published, only after it.
     */
    @WithDefault("PT24H")
    Duration coolingOff();

    /** When acceptances whose cooling-off has passed are made final (Quartz cron, Asia/Shanghai; "off" disables). */
    @WithDefault("0 */5 * * * ?")
    String coolingOffCron();

    /** When every client's drift is evaluated (Quartz cron, Asia/Shanghai; "off" disables). */
    @WithDefault("0 15 2 * * ?")
    String driftCron();

    /** The share of R4/R5 products (percent of assets) each risk level may hold before drift warns. */
    Map<String, BigDecimal> highRiskCapPercent();

    /** The house view per asset class: expected annual return and volatility (fractions). */
    Assumptions assumptions();

    interface Assumptions {
        Map<String, BigDecimal> expectedReturn();

        Map<String, BigDecimal> volatility();

        default CapitalMarketAssumptions toAssumptions() {
            Map<AssetClass, BigDecimal> r = new EnumMap<>(AssetClass.class);
            Map<AssetClass, BigDecimal> v = new EnumMap<>(AssetClass.class);
            expectedReturn().forEach((k, x) -> r.put(AssetClass.valueOf(k), x));
            volatility().forEach((k, x) -> v.put(AssetClass.valueOf(k), x));
            return new CapitalMarketAssumptions(r, v);
        }
    }
}
