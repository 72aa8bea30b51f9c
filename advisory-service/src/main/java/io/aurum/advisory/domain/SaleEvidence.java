package io.aurum.advisory.domain;

import io.aurum.advisory.proposals.Actor;
import io.aurum.advisory.proposals.Channel;
import io.aurum.advisory.proposals.Evidence;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The record of one act of the client's on a proposal (适当性留痕): an acknowledgement of one line or the acceptance, with
 * what the client was shown (the line's reasons, the disclosure text and its version), the channel, when, who captured
 * it and — at a branch, or as an elderly client's extra confirmation — which second staff member confirmed it. Rows are
 * never changed except to add the missing confirmation once (a database trigger refuses anything else).
 */
@Entity
@Immutable
@Table(name = "sale_evidence")
public class SaleEvidence extends PanacheEntityBase {

    public enum Kind { ACKNOWLEDGEMENT, ACCEPTANCE }

    @Id
    public UUID id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** 1-based; null for the acceptance. */
    @Column(name = "line_no")
    public Integer lineNo;

    @Column(name = "product_code")
    public String productCode;

    /** The line's verdict when it was acknowledged. */
    public String verdict;

    /** What the client acknowledged: the line's reasons as the bank showed them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reason_codes", nullable = false)
    public String[] reasonCodes = new String[0];

    @Column(name = "disclosure_version", nullable = false)
    public String disclosureVersion;

    @Column(name = "disclosure_zh", nullable = false)
    public String disclosureZh;

    @Column(name = "disclosure_en", nullable = false)
    public String disclosureEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "captured_by", nullable = false)
    public String capturedBy;

    @Column(name = "captured_by_id", nullable = false)
    public String capturedById;

    @Column(name = "captured_by_client", nullable = false)
    public boolean capturedByClient;

    @Column(name = "captured_at", nullable = false)
    public Instant capturedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_by_id")
    public String confirmedById;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public static List<SaleEvidence> forProposal(UUID proposalId) {
        return list("proposalId = ?1 order by capturedAt, id", proposalId);
    }

    /** Adds the second staff member's confirmation; false when someone confirmed it first. */
    public boolean confirm(String byName, String byId, Instant at) {
        int changed = getEntityManager().createNativeQuery("UPDATE sale_evidence SET confirmed_by = ?1, confirmed_by_id = ?2,"
                        + " confirmed_at = ?3 WHERE id = ?4 AND confirmed_by_id IS NULL")
                .setParameter(1, byName).setParameter(2, byId).setParameter(3, at).setParameter(4, id).executeUpdate();
        if (changed == 1) {
            confirmedBy = byName;
            confirmedById = byId;
            confirmedAt = at;
        }
        return changed == 1;
    }

    public Evidence toEvidence() {
        Actor captured = new Actor(capturedById, capturedBy, capturedByClient);
        Actor confirmed = confirmedById == null ? null : Actor.staff(confirmedById, confirmedBy);
        return new Evidence(kind == Kind.ACCEPTANCE ? null : lineNo, Set.copyOf(Arrays.asList(reasonCodes)), disclosureVersion, channel,
                captured, confirmed);
    }
}
