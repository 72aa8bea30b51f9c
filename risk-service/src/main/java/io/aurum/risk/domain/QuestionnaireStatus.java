package io.aurum.risk.domain;

/** DRAFT (editable by ops) → PUBLISHED (the one clients answer) → RETIRED (kept for history). */
public enum QuestionnaireStatus {
    DRAFT, PUBLISHED, RETIRED
}
