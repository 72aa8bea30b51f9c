-- Issue 11, second part: the history engagement keeps from other services' events for monthly figures (AUM per day,
-- tier changes, who covered a client when, closures), referrals, the costs of service, and the monthly results per
-- client (contribution and the facts behind RM performance) with the runs that computed them.

-- client.aum ClientAumChanged: the client's total and its holdings per asset class per day (the latest event of a day
-- wins). Columns, not a JSON document: the month close reads millions of these rows and only does arithmetic on them.
-- other_cny is what the breakdown does not place in a known class (all of it when an event has no breakdown).
CREATE TABLE aum_daily (
    client_id        uuid          NOT NULL,
    as_of            date          NOT NULL,
    aum_cny          numeric(18,2) NOT NULL,
    cash_cny         numeric(18,2) NOT NULL DEFAULT 0,
    fixed_income_cny numeric(18,2) NOT NULL DEFAULT 0,
    equity_cny       numeric(18,2) NOT NULL DEFAULT 0,
    alternative_cny  numeric(18,2) NOT NULL DEFAULT 0,
    insurance_cny    numeric(18,2) NOT NULL DEFAULT 0,
    other_cny        numeric(18,2) NOT NULL DEFAULT 0,
    event_id         uuid          NOT NULL,
    PRIMARY KEY (client_id, as_of)
);
CREATE INDEX aum_daily_as_of ON aum_daily (as_of);

-- client.tier ClientTierChanged, every direction.
CREATE TABLE tier_change (
    event_id   uuid PRIMARY KEY,
    client_id  uuid        NOT NULL,
    from_tier  varchar(20) NOT NULL,
    to_tier    varchar(20) NOT NULL,
    direction  varchar(10) NOT NULL CHECK (direction IN ('UPGRADE', 'DOWNGRADE')),
    changed_on date        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX tier_change_client ON tier_change (client_id, changed_on);
CREATE INDEX tier_change_on ON tier_change (changed_on);
CREATE INDEX task_due ON task (due_at);
CREATE INDEX survey_answered ON survey (answered_at) WHERE answered_at IS NOT NULL;
CREATE INDEX complaint_received ON complaint (received_at);
CREATE INDEX points_entry_redeemed ON points_entry (created_at) WHERE kind = 'REDEEM';

-- client.profile: who covered the client from when (a row whenever the primary RM or the team changes).
CREATE TABLE book_assignment (
    client_id     uuid        NOT NULL,
    valid_from    timestamptz NOT NULL,
    primary_rm_id uuid,
    team          varchar(64),
    event_id      uuid        NOT NULL,
    PRIMARY KEY (client_id, valid_from)
);
-- clients known before this history began: covered by their current RM since ever
INSERT INTO book_assignment (client_id, valid_from, primary_rm_id, team, event_id)
SELECT client_id, 'epoch', primary_rm_id, team, last_event_id FROM client_card WHERE full_name <> '(pending)';

ALTER TABLE client_card ADD COLUMN closed_at timestamptz;

-- What a unit of service costs the bank (for the client contribution); ops keep these with the catalogues.
ALTER TABLE benefit ADD COLUMN unit_cost_cny numeric(12,2) NOT NULL DEFAULT 0 CHECK (unit_cost_cny >= 0);
ALTER TABLE activity ADD COLUMN cost_per_head_cny numeric(12,2) NOT NULL DEFAULT 0 CHECK (cost_per_head_cny >= 0);
UPDATE benefit SET unit_cost_cny = CASE code WHEN 'AIRPORT-LOUNGE' THEN 300 WHEN 'HEALTH-CONCIERGE' THEN 1500
                                             WHEN 'GOLF-GREEN-FEE' THEN 1200 ELSE 0 END;

-- A client introduces a prospect; when the prospect becomes an active client the referrer earns points (once).
CREATE TABLE referral (
    referred_client_id uuid PRIMARY KEY,
    referrer_client_id uuid         NOT NULL,
    registered_by      varchar(100) NOT NULL,
    registered_at      timestamptz  NOT NULL,
    converted_at       timestamptz,
    converted_event_id uuid,
    CHECK (referred_client_id <> referrer_client_id)
);
CREATE INDEX referral_referrer ON referral (referrer_client_id);

-- One row per client and month: the facts behind the RM figures and the client's contribution. Derived data: a rerun
-- of the month replaces the month's rows (the points it earned stay earned once: the ledger is keyed by source).
CREATE TABLE client_month (
    month              date          NOT NULL,
    client_id          uuid          NOT NULL,
    rm_id              uuid,
    team               varchar(64),
    rm_start_id        uuid,
    team_start         varchar(64),
    tier               varchar(20)   NOT NULL,
    aum_start_cny      numeric(18,2) NOT NULL,
    aum_end_cny        numeric(18,2) NOT NULL,
    aum_avg_cny        numeric(18,2) NOT NULL,
    net_new_money_cny  numeric(18,2) NOT NULL,
    upgrades           integer       NOT NULL,
    downgrades         integer       NOT NULL,
    lost               boolean       NOT NULL,
    cadence_applies    boolean       NOT NULL,
    cadence_met        boolean       NOT NULL,
    tasks_due          integer       NOT NULL,
    tasks_on_time      integer       NOT NULL,
    complaints         integer       NOT NULL,
    complaints_resolved integer      NOT NULL,
    resolution_hours   numeric(12,2) NOT NULL,
    nps_responses      integer       NOT NULL,
    promoters          integer       NOT NULL,
    detractors         integer       NOT NULL,
    revenue_cny        numeric(18,2) NOT NULL,
    service_cost_cny   numeric(18,2) NOT NULL,
    budget_cny         numeric(18,2) NOT NULL,
    net_contribution_cny numeric(18,2) NOT NULL,
    PRIMARY KEY (month, client_id)
);
CREATE INDEX client_month_rm ON client_month (month, rm_id);
CREATE INDEX client_month_rm_start ON client_month (month, rm_start_id);
CREATE INDEX client_month_team ON client_month (month, team);

CREATE TABLE month_close (
    month        date PRIMARY KEY,
    as_of        timestamptz  NOT NULL,
    complete     boolean      NOT NULL,
    clients      integer      NOT NULL,
    points_earned bigint      NOT NULL,
    took_ms      bigint       NOT NULL,
    computed_by  varchar(100) NOT NULL,
    computed_at  timestamptz  NOT NULL
);
