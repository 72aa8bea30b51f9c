package io.aurum.risk.domain;

import io.aurum.risk.questionnaire.QuestionnaireDefinition;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "questionnaire")
public class Questionnaire extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuestionnaireStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public QuestionnaireDefinition definition;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    public static Optional<Questionnaire> published(String code) {
        return find("code = ?1 and status = ?2", code, QuestionnaireStatus.PUBLISHED).firstResultOptional();
    }

    public static int nextVersion(String code) {
        Integer max = getEntityManager()
                .createQuery("select max(q.version) from Questionnaire q where q.code = :code", Integer.class)
                .setParameter("code", code).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
