package io.aurum.engagement.domain;

import java.util.EnumSet;
import java.util.Set;

/** OPEN → IN_PROGRESS → DONE / CANCELLED (an open task can also be done or cancelled directly). */
public enum TaskStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    public Set<TaskStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, DONE, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(DONE, CANCELLED);
            case DONE, CANCELLED -> EnumSet.noneOf(TaskStatus.class);
        };
    }

    public boolean open() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
