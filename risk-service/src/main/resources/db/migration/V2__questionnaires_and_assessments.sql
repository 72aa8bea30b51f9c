-- Versioned questionnaires: the definition (sections, questions, options, caps, bands) is JSON;
-- a PUBLISHED or RETIRED version never changes.
CREATE TABLE questionnaire (
    id           uuid PRIMARY KEY,
    code         varchar(40)  NOT NULL,
    version      integer      NOT NULL,
    status       varchar(20)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    definition   jsonb        NOT NULL,
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz,
    retired_at   timestamptz,
    UNIQUE (code, version)
);
-- at most one published version per questionnaire code
CREATE UNIQUE INDEX questionnaire_one_published ON questionnaire (code) WHERE status = 'PUBLISHED';

CREATE FUNCTION questionnaire_published_is_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'DRAFT' AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.version <> OLD.version
                                  OR NEW.code <> OLD.code) THEN
        RAISE EXCEPTION 'questionnaire %/% is % and cannot change', OLD.code, OLD.version, OLD.status;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER questionnaire_immutable BEFORE UPDATE ON questionnaire
    FOR EACH ROW EXECUTE FUNCTION questionnaire_published_is_immutable();

-- Every assessment ever run: immutable history. The current profile is the latest one still valid.
CREATE TABLE risk_assessment (
    id                    uuid PRIMARY KEY,
    client_id             uuid         NOT NULL,
    questionnaire_id      uuid         NOT NULL REFERENCES questionnaire (id),
    questionnaire_code    varchar(40)  NOT NULL,
    questionnaire_version integer      NOT NULL,
    answers               jsonb        NOT NULL,
    score                 integer      NOT NULL CHECK (score BETWEEN 0 AND 100),
    band_level            varchar(2)   NOT NULL,
    level                 varchar(2)   NOT NULL,
    cap_question          varchar(40),
    cap_option            varchar(40),
    horizon_months        integer,
    vulnerable            boolean      NOT NULL,
    channel               varchar(10)  NOT NULL CHECK (channel IN ('BRANCH', 'MOBILE')),
    assessed_by           varchar(100) NOT NULL,
    assessed_by_role      varchar(40)  NOT NULL,
    assessed_at           timestamptz  NOT NULL,
    valid_until           timestamptz  NOT NULL
);
CREATE INDEX risk_assessment_client ON risk_assessment (client_id, assessed_at DESC);
CREATE INDEX risk_assessment_valid_until ON risk_assessment (valid_until);

CREATE FUNCTION risk_assessment_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'risk assessments are immutable history';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER risk_assessment_immutable BEFORE UPDATE OR DELETE ON risk_assessment
    FOR EACH ROW EXECUTE FUNCTION risk_assessment_is_immutable();

-- Which expiry notices were raised for which assessment, so each is raised once.
CREATE TABLE risk_profile_notice (
    assessment_id uuid        NOT NULL REFERENCES risk_assessment (id),
    kind          varchar(20) NOT NULL CHECK (kind IN ('EXPIRING', 'EXPIRED')),
    raised_at     timestamptz NOT NULL,
    PRIMARY KEY (assessment_id, kind)
);

-- Suitability facts about the client that later client-service events will carry (AUM, qualified-investor facts).
ALTER TABLE client_ref
    ADD COLUMN aum_cny                        numeric(20, 2),
    ADD COLUMN high_risk_holdings_cny         numeric(20, 2),
    ADD COLUMN household_net_financial_assets numeric(20, 2),
    ADD COLUMN financial_assets               numeric(20, 2),
    ADD COLUMN average_income_3y              numeric(20, 2);

-- Every suitability check answered, for compliance reports (checks failed by reason).
CREATE TABLE suitability_check (
    id           uuid PRIMARY KEY,
    client_id    uuid         NOT NULL,
    overall      varchar(30)  NOT NULL,
    reason_codes varchar(40)[] NOT NULL,
    line_count   integer      NOT NULL,
    checked_by   varchar(100) NOT NULL,
    checked_at   timestamptz  NOT NULL
);
CREATE INDEX suitability_check_at ON suitability_check (checked_at);
