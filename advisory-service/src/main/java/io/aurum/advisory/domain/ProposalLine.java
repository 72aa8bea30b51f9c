package io.aurum.advisory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.advisory.proposals.LineNeeds;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One product of a proposal, with risk-service's verdict on it. */
@Entity
@Table(name = "proposal_line")
public class ProposalLine {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "proposal_id")
    public Proposal proposal;

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_class", nullable = false)
    public AssetClass assetClass;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String verdict;

    /** JSON array of risk-service's reasons ({code, severity, textZh, textEn}). */
    @Column(nullable = false)
    public String reasons;

    private static final TypeReference<List<LineNeeds.Reason>> REASONS = new TypeReference<>() {
    };

    /** What the line needs before the client can accept it, from its verdict and reasons. */
    public LineNeeds needs(ObjectMapper mapper) {
        List<LineNeeds.Reason> parsed;
        try {
            parsed = mapper.readerFor(REASONS).without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(reasons);
        } catch (Exception e) {
            throw new IllegalStateException("reasons of proposal line " + id + " are not readable", e);
        }
        return LineNeeds.of(lineNo, product.code, verdict, parsed);
    }
}
