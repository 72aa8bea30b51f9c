package io.aurum.risk.domain;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One assessment, kept for ever and never changed (the database refuses updates and deletes too). */
@Entity
@Immutable
@Table(name = "risk_assessment")
public class RiskAssessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "questionnaire_id", nullable = false)
    public UUID questionnaireId;

    @Column(name = "questionnaire_code", nullable = false)
    public String questionnaireCode;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> answers;

    @Column(nullable = false)
    public int score;

    @Enumerated(EnumType.STRING)
    @Column(name = "band_level", nullable = false)
    public RiskLevel bandLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskLevel level;

    @Column(name = "cap_question")
    public String capQuestion;

    @Column(name = "cap_option")
    public String capOption;

    @Column(name = "horizon_months")
    public Integer horizonMonths;

    @Column(nullable = false)
    public boolean vulnerable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "assessed_by", nullable = false)
    public String assessedBy;

    @Column(name = "assessed_by_role", nullable = false)
    public String assessedByRole;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    /** The latest assessment of the client, valid or not. */
    public static Optional<RiskAssessment> latest(UUID clientId) {
        return find("clientId = ?1 order by assessedAt desc", clientId).firstResultOptional();
    }

    public static List<RiskAssessment> history(UUID clientId) {
        return list("clientId = ?1 order by assessedAt desc", clientId);
    }
}
