-- Client 360 (issue 3): the full profile, households and relationships, coverage history, consent,
-- the append-only audit trail, AUM snapshots and tiering.

ALTER TABLE client
    ADD COLUMN gender                         varchar(12),
    ADD COLUMN nationality                    varchar(2),
    ADD COLUMN id_type                        varchar(20),
    -- personal data encrypted with AES-GCM; *_kid names the key that sealed the value (rotation)
    ADD COLUMN id_number_enc                  bytea,
    ADD COLUMN id_number_kid                  varchar(32),
    -- keyed HMAC of the normalised identity number: finds duplicates without decrypting
    ADD COLUMN id_number_hash                 varchar(64),
    ADD COLUMN phone_enc                      bytea,
    ADD COLUMN phone_kid                      varchar(32),
    ADD COLUMN email_enc                      bytea,
    ADD COLUMN email_kid                      varchar(32),
    ADD COLUMN address_enc                    bytea,
    ADD COLUMN address_kid                    varchar(32),
    ADD COLUMN occupation                     varchar(20),
    ADD COLUMN employer                       varchar(200),
    ADD COLUMN source_of_wealth               varchar(500),
    ADD COLUMN interest_tags                  text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN preferred_channels             text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN quiet_hours_start              time,
    ADD COLUMN quiet_hours_end                time,
    ADD COLUMN branch                         varchar(64),
    ADD COLUMN kyc_status                     varchar(20)  NOT NULL DEFAULT 'PENDING',
    ADD COLUMN kyc_review_date                date,
    ADD COLUMN aml_risk_rating                varchar(10),
    ADD COLUMN pep                            boolean      NOT NULL DEFAULT false,
    ADD COLUMN prospect_source                varchar(20),
    ADD COLUMN prospect_source_detail         varchar(200),
    ADD COLUMN referred_by                    uuid REFERENCES client (id),
    ADD COLUMN private_banker_id              uuid,
    ADD COLUMN household_id                   uuid,
    ADD COLUMN household_net_financial_assets numeric(20, 2),
    ADD COLUMN financial_assets               numeric(20, 2),
    ADD COLUMN average_income_3y              numeric(20, 2),
    ADD COLUMN aum_cny                        numeric(20, 2),
    ADD COLUMN aum_as_of                      date,
    ADD COLUMN average_aum_cny                numeric(20, 2),
    ADD COLUMN month_ends_below               integer      NOT NULL DEFAULT 0,
    ADD COLUMN last_outflow_alert_on          date,
    ADD COLUMN converted_at                   timestamptz,
    ADD COLUMN closed_at                      timestamptz,
    ADD COLUMN erased_at                      timestamptz,
    ADD CONSTRAINT client_kyc_status CHECK (kyc_status IN ('PENDING', 'VERIFIED', 'EXPIRED', 'REJECTED')),
    ADD CONSTRAINT client_aml_risk CHECK (aml_risk_rating IN ('LOW', 'MEDIUM', 'HIGH')),
    ADD CONSTRAINT client_amounts CHECK (household_net_financial_assets >= 0 AND financial_assets >= 0
        AND average_income_3y >= 0);

CREATE INDEX client_id_number_hash ON client (id_number_hash);
CREATE INDEX client_tier ON client (tier);
CREATE INDEX client_household ON client (household_id);
CREATE INDEX client_branch ON client (branch);
CREATE INDEX client_birth_month ON client ((extract(month FROM birth_date)));
CREATE INDEX client_interest_tags ON client USING gin (interest_tags);
CREATE INDEX client_name ON client (lower(full_name) text_pattern_ops);
CREATE INDEX client_aum ON client (aum_cny);

-- Family and referral links. Family links (SPOUSE, CHILD, PARENT, OTHER_FAMILY) put both clients in one household;
-- REFERRED means client_id referred related_client_id.
CREATE TABLE client_relationship (
    id                uuid PRIMARY KEY,
    client_id         uuid         NOT NULL REFERENCES client (id),
    related_client_id uuid         NOT NULL REFERENCES client (id),
    kind              varchar(20)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    created_by        varchar(100) NOT NULL,
    CONSTRAINT client_relationship_kind CHECK (kind IN ('SPOUSE', 'CHILD', 'PARENT', 'OTHER_FAMILY', 'REFERRED')),
    CONSTRAINT client_relationship_not_self CHECK (client_id <> related_client_id),
    CONSTRAINT client_relationship_unique UNIQUE (client_id, related_client_id, kind)
);
CREATE INDEX client_relationship_related ON client_relationship (related_client_id);

-- Coverage team history: one row per assignment; the open row (ended_at null) is current.
CREATE TABLE coverage_assignment (
    id          bigserial PRIMARY KEY,
    client_id   uuid         NOT NULL REFERENCES client (id),
    role        varchar(20)  NOT NULL,
    user_id     uuid,
    assigned_at timestamptz  NOT NULL,
    assigned_by varchar(100) NOT NULL,
    ended_at    timestamptz,
    reason      varchar(500),
    CONSTRAINT coverage_role CHECK (role IN ('PRIMARY_RM', 'ADVISOR', 'PRIVATE_BANKER'))
);
CREATE INDEX coverage_assignment_client ON coverage_assignment (client_id, assigned_at);

-- Consent: every grant and withdrawal is a row; the latest per purpose is in force.
CREATE TABLE consent_record (
    id          bigserial PRIMARY KEY,
    client_id   uuid         NOT NULL REFERENCES client (id),
    purpose     varchar(20)  NOT NULL,
    granted     boolean      NOT NULL,
    channel     varchar(20)  NOT NULL,
    recorded_at timestamptz  NOT NULL,
    recorded_by varchar(100) NOT NULL,
    CONSTRAINT consent_purpose CHECK (purpose IN ('MARKETING', 'PARTNER_SHARING', 'PROFILING'))
);
CREATE INDEX consent_record_client ON consent_record (client_id, purpose, id);

-- Append-only audit trail: who, when, what, why. Updates and deletes are refused by the database itself.
CREATE TABLE audit_event (
    id             bigserial PRIMARY KEY,
    at             timestamptz  NOT NULL DEFAULT clock_timestamp(),
    actor          varchar(100) NOT NULL,
    actor_roles    varchar(300) NOT NULL,
    action         varchar(40)  NOT NULL,
    client_id      uuid,
    detail         varchar(2000),
    purpose        varchar(200),
    correlation_id varchar(100)
);
CREATE INDEX audit_event_client ON audit_event (client_id, id);
CREATE INDEX audit_event_actor ON audit_event (actor, id);
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Exchange rates to CNY per day (uploadable).
CREATE TABLE fx_rate (
    rate_date   date          NOT NULL,
    currency    varchar(3)    NOT NULL,
    rate_to_cny numeric(18, 8) NOT NULL CHECK (rate_to_cny > 0),
    PRIMARY KEY (rate_date, currency)
);

-- Bulk AUM uploads run as jobs.
CREATE TABLE aum_upload_job (
    id               uuid PRIMARY KEY,
    status           varchar(20)  NOT NULL,
    format           varchar(10)  NOT NULL,
    submitted_by     varchar(100) NOT NULL,
    submitted_at     timestamptz  NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    bytes_total      bigint       NOT NULL DEFAULT 0,
    bytes_read       bigint       NOT NULL DEFAULT 0,
    rows_read        bigint       NOT NULL DEFAULT 0,
    rows_loaded      bigint       NOT NULL DEFAULT 0,
    rows_rejected    bigint       NOT NULL DEFAULT 0,
    clients_affected bigint       NOT NULL DEFAULT 0,
    failure          varchar(2000),
    CONSTRAINT aum_upload_job_status CHECK (status IN ('QUEUED', 'PARSING', 'APPLYING', 'COMPLETED', 'FAILED'))
);
CREATE TABLE aum_upload_error (
    job_id  uuid          NOT NULL REFERENCES aum_upload_job (id),
    row_no  bigint        NOT NULL,
    field   varchar(40),
    message varchar(500)  NOT NULL
);
CREATE INDEX aum_upload_error_job ON aum_upload_error (job_id, row_no);

-- Parsed rows of a running upload; applied in one transaction at the end. Unlogged: it is scratch space.
CREATE UNLOGGED TABLE aum_upload_row (
    job_id       uuid           NOT NULL,
    row_no       bigint         NOT NULL,
    as_of        date           NOT NULL,
    client_id    uuid           NOT NULL,
    product_code varchar(64)    NOT NULL,
    asset_class  varchar(20)    NOT NULL,
    currency     varchar(3)     NOT NULL,
    amount       numeric(20, 2) NOT NULL,
    amount_cny   numeric(20, 2) NOT NULL,
    risk_rating  smallint
);
CREATE INDEX aum_upload_row_job ON aum_upload_row (job_id);

-- Positions per client, day and product (two accounts holding one product are two rows).
-- A new snapshot of (client, day) replaces the old one.
CREATE TABLE aum_position (
    client_id    uuid           NOT NULL,
    as_of        date           NOT NULL,
    product_code varchar(64)    NOT NULL,
    asset_class  varchar(20)    NOT NULL,
    currency     varchar(3)     NOT NULL,
    amount       numeric(20, 2) NOT NULL,
    amount_cny   numeric(20, 2) NOT NULL,
    risk_rating  smallint,
    job_id       uuid
);
CREATE INDEX aum_position_client_day ON aum_position (client_id, as_of);

-- Daily totals per client (what tiering and movement detection read).
CREATE TABLE aum_daily (
    client_id     uuid           NOT NULL,
    as_of         date           NOT NULL,
    total_cny     numeric(20, 2) NOT NULL,
    high_risk_cny numeric(20, 2) NOT NULL,
    usd_amount    numeric(20, 2) NOT NULL,
    PRIMARY KEY (client_id, as_of)
);

-- Clients touched by one AUM batch (an upload or a core-banking message), for the follow-up steps.
CREATE UNLOGGED TABLE aum_touch (
    batch_id  uuid NOT NULL,
    client_id uuid NOT NULL,
    PRIMARY KEY (batch_id, client_id)
);

-- Tier history with its basis.
CREATE TABLE tier_change (
    id              bigserial PRIMARY KEY,
    client_id       uuid           NOT NULL REFERENCES client (id),
    from_tier       varchar(20)    NOT NULL,
    to_tier         varchar(20)    NOT NULL,
    changed_at      timestamptz    NOT NULL,
    as_of           date           NOT NULL,
    average_aum_cny numeric(20, 2) NOT NULL,
    threshold_cny   numeric(20, 2),
    rule            varchar(30)    NOT NULL,
    month_ends_below integer       NOT NULL DEFAULT 0
);
CREATE INDEX tier_change_client ON tier_change (client_id, id);

-- Month-end tier runs: one per month end, so a rerun cannot count a month twice.
CREATE TABLE tiering_run (
    month_end      date PRIMARY KEY,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    clients        bigint      NOT NULL DEFAULT 0,
    upgrades       bigint      NOT NULL DEFAULT 0,
    downgrades     bigint      NOT NULL DEFAULT 0,
    in_grace       bigint      NOT NULL DEFAULT 0,
    started_by     varchar(100) NOT NULL
);
