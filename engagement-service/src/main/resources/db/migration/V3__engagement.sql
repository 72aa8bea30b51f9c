-- Issue 6, second part: contact cadence and care days, interactions, complaints with SLAs, surveys, client activities.

-- What engagement keeps about a client for cadence, care and attrition (from client.profile, client.consent,
-- client.aum, client.tier and its own interactions).
ALTER TABLE client_card
    ADD COLUMN interest_tags       text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN preferred_channels  text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN quiet_hours_start   time,
    ADD COLUMN quiet_hours_end     time,
    ADD COLUMN marketing_consent   boolean      NOT NULL DEFAULT false,
    ADD COLUMN erased              boolean      NOT NULL DEFAULT false,
    ADD COLUMN last_contact_at     timestamptz,
    ADD COLUMN cadence_anchor_at   timestamptz,
    ADD COLUMN last_outflow_at     timestamptz,
    ADD COLUMN last_outflow_ratio  numeric(7,4),
    ADD COLUMN downgrade_warned_at timestamptz;
CREATE INDEX client_card_birthday ON client_card (extract(month FROM birth_date), extract(day FROM birth_date));

-- Tasks made by jobs are kept unique by a key that names their reason (cadence gap, birthday of a year, a care
-- day, a proposal, a maturity, a complaint's breach), so a rerun of a job creates nothing twice.
ALTER TABLE task
    ADD COLUMN dedupe_key       varchar(200),
    ADD COLUMN channel          varchar(20),
    ADD COLUMN related_id       uuid;
CREATE UNIQUE INDEX task_dedupe ON task (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX task_related ON task (related_id) WHERE related_id IS NOT NULL;

CREATE TABLE interaction (
    id             uuid PRIMARY KEY,
    client_id      uuid          NOT NULL,
    staff_id       uuid,
    team           varchar(64),
    channel        varchar(20)   NOT NULL CHECK (channel IN ('CALL', 'MEETING', 'BRANCH_VISIT', 'EMAIL', 'SMS', 'WECHAT', 'EVENT')),
    occurred_at    timestamptz   NOT NULL,
    meaningful     boolean       NOT NULL,
    notes          varchar(4000),
    outcome        varchar(500),
    next_step      varchar(500),
    next_step_due  timestamptz,
    activity_id    uuid,
    created_by     varchar(100)  NOT NULL,
    created_at     timestamptz   NOT NULL
);
CREATE INDEX interaction_client ON interaction (client_id, occurred_at DESC);

CREATE TABLE complaint (
    id                uuid PRIMARY KEY,
    client_id         uuid          NOT NULL,
    team              varchar(64),
    owner_id          uuid,
    category          varchar(20)   NOT NULL CHECK (category IN ('SERVICE', 'PRODUCT', 'FEES', 'MIS_SELLING', 'DATA_PRIVACY', 'OTHER')),
    severity          varchar(10)   NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status            varchar(15)   NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    channel           varchar(10)   NOT NULL CHECK (channel IN ('APP', 'RM', 'BRANCH', 'PHONE')),
    subject           varchar(200)  NOT NULL,
    description       varchar(4000) NOT NULL,
    received_at       timestamptz   NOT NULL,
    ack_due_at        timestamptz   NOT NULL,
    resolve_due_at    timestamptz   NOT NULL,
    acknowledged_at   timestamptz,
    acknowledged_by   varchar(100),
    resolved_at       timestamptz,
    resolved_by       varchar(100),
    resolution        varchar(4000),
    escalation_level  smallint      NOT NULL DEFAULT 0,
    escalated_at      timestamptz,
    client_satisfied  boolean,
    client_feedback   varchar(2000),
    created_by        varchar(100)  NOT NULL,
    version           bigint        NOT NULL DEFAULT 0
);
CREATE INDEX complaint_client ON complaint (client_id, received_at DESC);
CREATE INDEX complaint_open ON complaint (resolve_due_at) WHERE status <> 'RESOLVED';

CREATE TABLE survey (
    id              uuid PRIMARY KEY,
    client_id       uuid         NOT NULL,
    interaction_id  uuid         NOT NULL UNIQUE REFERENCES interaction (id),
    sent_at         timestamptz  NOT NULL,
    answered_at     timestamptz,
    csat            smallint     CHECK (csat BETWEEN 1 AND 5),
    nps             smallint     CHECK (nps BETWEEN 0 AND 10),
    comment         varchar(2000)
);
CREATE INDEX survey_client ON survey (client_id, sent_at DESC);

CREATE TABLE activity (
    id             uuid PRIMARY KEY,
    name           varchar(200) NOT NULL,
    kind           varchar(20)  NOT NULL CHECK (kind IN ('SALON', 'SEMINAR', 'WINE_TASTING', 'GOLF_DAY', 'ART_VIEWING', 'OTHER')),
    starts_at      timestamptz  NOT NULL,
    location       varchar(300) NOT NULL,
    capacity       integer      NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    target_tiers   text[]       NOT NULL DEFAULT '{}',
    interest_tags  text[]       NOT NULL DEFAULT '{}',
    team           varchar(64),
    created_by     varchar(100) NOT NULL,
    created_at     timestamptz  NOT NULL
);

CREATE TABLE invitation (
    activity_id   uuid        NOT NULL REFERENCES activity (id),
    client_id     uuid        NOT NULL,
    status        varchar(10) NOT NULL CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED', 'ATTENDED', 'NO_SHOW')),
    invited_at    timestamptz NOT NULL,
    responded_at  timestamptz,
    PRIMARY KEY (activity_id, client_id)
);
CREATE INDEX invitation_client ON invitation (client_id);

-- Presented proposals (advisory.proposal) and holdings with a maturity date (from accepted proposals).
CREATE TABLE proposal_watch (
    proposal_id   uuid PRIMARY KEY,
    client_id     uuid        NOT NULL,
    presented_at  timestamptz NOT NULL,
    answered_at   timestamptz,
    outcome       varchar(12)
);
CREATE TABLE holding_maturity (
    client_id      uuid          NOT NULL,
    product_code   varchar(64)   NOT NULL,
    maturity_date  date          NOT NULL,
    amount         numeric(18,2) NOT NULL,
    PRIMARY KEY (client_id, product_code, maturity_date)
);
CREATE INDEX holding_maturity_date ON holding_maturity (maturity_date);
