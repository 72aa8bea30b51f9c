package io.aurum.risk.suitability;

/** What happens when a client wants a product above their level (per bank). */
public enum ConflictPolicy {
    /** Refuse and suggest reassessment (default). */
    STRICT,
    /** Allowed only with the client's recorded acknowledgement and a compliance officer's approval. */
    ACKNOWLEDGED
}
