package io.aurum.client.aum;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** Large-movement detection (防止他行挖转): a net outflow of at least a share of AUM or an amount within a window. */
@ConfigMapping(prefix = "aurum.movement")
public interface MovementConfig {

    @WithDefault("0.20")
    BigDecimal outflowRatio();

    @WithDefault("500000")
    BigDecimal outflowAmountCny();

    @WithDefault("7")
    int windowDays();
}
