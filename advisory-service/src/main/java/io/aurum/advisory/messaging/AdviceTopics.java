package io.aurum.advisory.messaging;

/** advisory-service's topics and event types (docs/events.md). */
public final class AdviceTopics {

    /** ProductPublished, ProductApproved. Keyed by product id (reference data, no client). */
    public static final String PRODUCT = "advisory.product";
    /**
     * ProposalPresented, ProposalAccepted (final acceptances only), ProposalCoolingOffStarted, ProposalCancelled,
     * ProposalRejected, ProposalExpired. Keyed by client id.
     */
    public static final String PROPOSAL = "advisory.proposal";
    /** RebalanceSuggested. Keyed by client id. */
    public static final String DRIFT = "advisory.drift";

    public static final String PRODUCT_PUBLISHED = "ProductPublished";
    public static final String PRODUCT_APPROVED = "ProductApproved";
    public static final String PROPOSAL_PRESENTED = "ProposalPresented";
    public static final String PROPOSAL_ACCEPTED = "ProposalAccepted";
    public static final String PROPOSAL_COOLING_OFF_STARTED = "ProposalCoolingOffStarted";
    public static final String PROPOSAL_CANCELLED = "ProposalCancelled";
    public static final String PROPOSAL_REJECTED = "ProposalRejected";
    public static final String PROPOSAL_EXPIRED = "ProposalExpired";
    public static final String REBALANCE_SUGGESTED = "RebalanceSuggested";
    public static final int VERSION = 1;

    private AdviceTopics() {
    }
}
