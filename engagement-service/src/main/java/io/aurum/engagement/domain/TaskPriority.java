package io.aurum.engagement.domain;

public enum TaskPriority {
    LOW, NORMAL, HIGH, URGENT
}
