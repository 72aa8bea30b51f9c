package io.aurum.client.domain;

import java.util.EnumSet;
import java.util.Set;

/** PROSPECT → ACTIVE → DORMANT → CLOSED; a dormant client can be reactivated. */
public enum LifecycleStatus {
    PROSPECT, ACTIVE, DORMANT, CLOSED;

    public Set<LifecycleStatus> next() {
        return switch (this) {
            case PROSPECT -> EnumSet.of(ACTIVE, CLOSED);
            case ACTIVE -> EnumSet.of(DORMANT, CLOSED);
            case DORMANT -> EnumSet.of(ACTIVE, CLOSED);
            case CLOSED -> EnumSet.noneOf(LifecycleStatus.class);
        };
    }

    public boolean canBecome(LifecycleStatus target) {
        return next().contains(target);
    }
}
