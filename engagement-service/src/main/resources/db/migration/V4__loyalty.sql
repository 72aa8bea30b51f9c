-- Issue 11 (first part): tier benefits with yearly quotas, loyalty points (积分) with an append-only ledger, rewards.

CREATE TABLE benefit (
    code          varchar(40) PRIMARY KEY,
    min_tier      varchar(20)  NOT NULL CHECK (min_tier IN ('VIP', 'GOLD', 'PLATINUM', 'DIAMOND', 'PRIVATE')),
    kind          varchar(20)  NOT NULL CHECK (kind IN ('FEE_WAIVER', 'PREFERENTIAL_RATE', 'PRIORITY_SERVICE', 'LOUNGE', 'CONCIERGE', 'DEDICATED_RM', 'OTHER')),
    name_zh       varchar(200) NOT NULL,
    name_en       varchar(200) NOT NULL,
    terms         varchar(1000),
    yearly_quota  integer CHECK (yearly_quota IS NULL OR yearly_quota > 0),
    active        boolean      NOT NULL DEFAULT true,
    updated_by    varchar(100) NOT NULL,
    updated_at    timestamptz  NOT NULL
);

CREATE TABLE benefit_use (
    id           uuid PRIMARY KEY,
    client_id    uuid         NOT NULL,
    benefit_code varchar(40)  NOT NULL REFERENCES benefit (code),
    used_on      date         NOT NULL,
    used_year    integer      NOT NULL,
    note         varchar(500),
    recorded_by  varchar(100) NOT NULL,
    recorded_at  timestamptz  NOT NULL
);
CREATE INDEX benefit_use_client_year ON benefit_use (client_id, benefit_code, used_year);

-- One row per client: the lock that serialises everything touching its points and quotas, and the balance.
CREATE TABLE points_account (
    client_id  uuid PRIMARY KEY,
    balance    bigint      NOT NULL DEFAULT 0 CHECK (balance >= 0),
    updated_at timestamptz NOT NULL
);

-- The ledger: entries are only ever added (a correction is a new entry); each earning names its source event.
CREATE TABLE points_entry (
    id              uuid PRIMARY KEY,
    client_id       uuid         NOT NULL,
    kind            varchar(10)  NOT NULL CHECK (kind IN ('EARN', 'REDEEM', 'EXPIRE', 'ADJUST')),
    points          bigint       NOT NULL CHECK (points <> 0),
    rule            varchar(40)  NOT NULL,
    source_event_id uuid,
    idempotency_key varchar(100),
    reward_code     varchar(40),
    description     varchar(300) NOT NULL,
    expires_on      date,
    created_by      varchar(100) NOT NULL,
    created_at      timestamptz  NOT NULL
);
CREATE UNIQUE INDEX points_entry_source ON points_entry (source_event_id, rule) WHERE source_event_id IS NOT NULL;
CREATE UNIQUE INDEX points_entry_idempotency ON points_entry (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX points_entry_client ON points_entry (client_id, created_at DESC);

CREATE FUNCTION points_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the points ledger is append-only: add a correcting entry';
END $$;
CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_entry
    FOR EACH ROW EXECUTE FUNCTION points_entry_is_append_only();

CREATE TABLE reward (
    code        varchar(40) PRIMARY KEY,
    kind        varchar(20)  NOT NULL CHECK (kind IN ('GIFT', 'SERVICE', 'EXPERIENCE')),
    name_zh     varchar(200) NOT NULL,
    name_en     varchar(200) NOT NULL,
    points_cost bigint       NOT NULL CHECK (points_cost > 0),
    stock       integer      NOT NULL CHECK (stock >= 0),
    active      boolean      NOT NULL DEFAULT true
);

-- The bank's starting catalogues (ops-admin changes them through the API).
INSERT INTO benefit (code, min_tier, kind, name_zh, name_en, terms, yearly_quota, updated_by, updated_at) VALUES
('TRANSFER-FEE-WAIVER', 'GOLD', 'FEE_WAIVER', '跨行转账手续费减免', 'Interbank transfer fees waived', 'All channels', NULL, 'seed', now()),
('FX-RATE-PREF', 'PLATINUM', 'PREFERENTIAL_RATE', '外汇牌价优惠', 'Preferential FX rate', 'Up to 50% off the spread', NULL, 'seed', now()),
('PRIORITY-COUNTER', 'VIP', 'PRIORITY_SERVICE', '贵宾窗口优先服务', 'Priority counter service', NULL, NULL, 'seed', now()),
('AIRPORT-LOUNGE', 'PLATINUM', 'LOUNGE', '机场贵宾厅', 'Airport lounge access', 'Per visit, domestic and international', 6, 'seed', now()),
('HEALTH-CONCIERGE', 'DIAMOND', 'CONCIERGE', '健康管家（名医预约）', 'Health concierge (specialist appointments)', NULL, 4, 'seed', now()),
('GOLF-GREEN-FEE', 'PRIVATE', 'CONCIERGE', '高尔夫果岭', 'Golf green fees', NULL, 12, 'seed', now()),
('DEDICATED-RM', 'PLATINUM', 'DEDICATED_RM', '专属客户经理', 'A dedicated relationship manager', NULL, NULL, 'seed', now());
INSERT INTO reward (code, kind, name_zh, name_en, points_cost, stock) VALUES
('TEA-SET', 'GIFT', '紫砂茶具', 'Yixing tea set', 8000, 50),
('CAR-WASH', 'SERVICE', '精致洗车', 'Car detailing', 1500, 500),
('WINE-DINNER', 'EXPERIENCE', '品酒晚宴', 'Wine-pairing dinner', 20000, 20);
