-- Issue 27 (part 4): a second pair of eyes on points. Large redemptions and corrections, and the reward of a referral
-- naming a client the recording RM registered recently, wait in points_approval until a checker (compliance, or the
-- team lead of the client's team; never the maker) decides. Every ledger entry names its maker and its checker.

-- When engagement-service first learned of the client (the registration event); rows already here count from now.
ALTER TABLE client_card ADD COLUMN registered_at timestamptz NOT NULL DEFAULT now();

-- Points promised to a pending redemption or negative correction: they cannot be spent twice meanwhile.
ALTER TABLE points_account ADD COLUMN reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0);
ALTER TABLE points_account ADD CONSTRAINT points_account_reserved_covered CHECK (balance >= reserved);

-- created_by is the maker; checked_by the checker (NULL when no second person was required: automatic earnings and
-- acts up to aurum.loyalty.checker-threshold-points); approval_id the decision it came from.
ALTER TABLE points_entry ADD COLUMN checked_by varchar(100);
ALTER TABLE points_entry ADD COLUMN approval_id uuid;
ALTER TABLE points_entry ADD CONSTRAINT points_entry_four_eyes CHECK (checked_by IS NULL OR checked_by <> created_by);

CREATE TABLE points_approval (
    id              uuid PRIMARY KEY,
    client_id       uuid         NOT NULL,
    kind            varchar(10)  NOT NULL CHECK (kind IN ('EARN', 'REDEEM', 'ADJUST')),
    points          bigint       NOT NULL CHECK (points <> 0),
    rule            varchar(40)  NOT NULL,
    reason          varchar(30)  NOT NULL CHECK (reason IN ('ABOVE_THRESHOLD', 'REFERRAL_REVIEW')),
    source_event_id uuid,
    idempotency_key varchar(100),
    reward_code     varchar(40),
    description     varchar(300) NOT NULL,
    status          varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    maker           varchar(100) NOT NULL,
    requested_at    timestamptz  NOT NULL,
    checker         varchar(100),
    decided_at      timestamptz,
    note            varchar(300),
    entry_id        uuid,
    CHECK (checker IS NULL OR checker <> maker),
    CHECK ((status = 'PENDING') = (checker IS NULL))
);
CREATE UNIQUE INDEX points_approval_idempotency ON points_approval (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX points_approval_source ON points_approval (source_event_id, rule) WHERE source_event_id IS NOT NULL;
CREATE INDEX points_approval_pending ON points_approval (status, requested_at);

-- A referral naming a client the recording RM registered within aurum.loyalty.referral-review-window is reviewed.
ALTER TABLE referral ADD COLUMN review_status varchar(16) NOT NULL DEFAULT 'NOT_REQUIRED'
    CHECK (review_status IN ('NOT_REQUIRED', 'PENDING_REVIEW', 'APPROVED', 'REJECTED'));
ALTER TABLE referral ADD COLUMN reviewed_by varchar(100);
ALTER TABLE referral ADD COLUMN reviewed_at timestamptz;
