package io.aurum.client.audit;

/** The actions the audit trail records. */
public final class AuditActions {

    public static final String CLIENT_CREATED = "CLIENT_CREATED";
    public static final String CLIENT_UPDATED = "CLIENT_UPDATED";
    public static final String PII_REVEALED = "PII_REVEALED";
    public static final String LIFECYCLE_CHANGED = "LIFECYCLE_CHANGED";
    public static final String COVERAGE_CHANGED = "COVERAGE_CHANGED";
    public static final String CONSENT_CHANGED = "CONSENT_CHANGED";
    public static final String READ_MODELS_REPLAYED = "READ_MODELS_REPLAYED";
    public static final String RELATIONSHIP_ADDED = "RELATIONSHIP_ADDED";
    public static final String DATA_EXPORTED = "DATA_EXPORTED";
    public static final String DATA_ERASED = "DATA_ERASED";
    public static final String PII_KEY_ROTATED = "PII_KEY_ROTATED";
    public static final String AUM_UPLOADED = "AUM_UPLOADED";
    public static final String FX_RATES_UPLOADED = "FX_RATES_UPLOADED";
    public static final String TIER_MONTH_END = "TIER_MONTH_END";
    public static final String CHANGE_REQUESTED = "CHANGE_REQUESTED";
    public static final String CHANGE_APPROVED = "CHANGE_APPROVED";
    public static final String CHANGE_REJECTED = "CHANGE_REJECTED";

    private AuditActions() {
    }
}
