-- Issue 5: partner publishing on the shelf, model portfolios, proposals, holdings and drift, goals.

-- Shelf: who submitted/approved a product, and why it last changed status.
ALTER TABLE product
    ADD COLUMN description    varchar(2000),
    ADD COLUMN submitted_by   varchar(100),
    ADD COLUMN approved_by    varchar(100),
    ADD COLUMN approved_at    timestamptz,
    ADD COLUMN status_reason  varchar(500),
    ADD CONSTRAINT product_yield_range CHECK (expected_yield_low IS NULL OR expected_yield_high IS NULL
                                              OR expected_yield_low <= expected_yield_high);
CREATE INDEX product_partner ON product (partner_id) WHERE partner_id IS NOT NULL;

-- Model portfolios: one ACTIVE version per risk level; older versions stay for the proposals that used them.
CREATE TABLE model_portfolio (
    id          uuid PRIMARY KEY,
    risk_level  varchar(2)   NOT NULL CHECK (risk_level IN ('C1', 'C2', 'C3', 'C4', 'C5')),
    version     integer      NOT NULL CHECK (version >= 1),
    status      varchar(10)  NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    name        varchar(200) NOT NULL,
    note        varchar(1000),
    created_by  varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL,
    UNIQUE (risk_level, version)
);
CREATE UNIQUE INDEX model_portfolio_one_active ON model_portfolio (risk_level) WHERE status = 'ACTIVE';

CREATE TABLE model_weight (
    model_id       uuid         NOT NULL REFERENCES model_portfolio (id),
    asset_class    varchar(20)  NOT NULL CHECK (asset_class IN ('CASH', 'FIXED_INCOME', 'EQUITY', 'ALTERNATIVE', 'INSURANCE')),
    target_percent numeric(5,2) NOT NULL CHECK (target_percent BETWEEN 0 AND 100),
    band_percent   numeric(5,2) NOT NULL CHECK (band_percent BETWEEN 0 AND 100),
    PRIMARY KEY (model_id, asset_class)
);

-- A version is immutable once written: a change is a new version (only ACTIVE → RETIRED may happen to a version).
CREATE FUNCTION model_portfolio_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.id, NEW.risk_level, NEW.version, NEW.name, NEW.note, NEW.created_by, NEW.created_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.risk_level, OLD.version, OLD.name, OLD.note, OLD.created_by, OLD.created_at)
           AND OLD.status = 'ACTIVE' AND NEW.status = 'RETIRED' THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'model portfolios are immutable: write a new version';
END $$;
CREATE FUNCTION model_weight_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'model portfolio weights are immutable: write a new version';
END $$;
CREATE TRIGGER model_portfolio_immutable BEFORE UPDATE OR DELETE ON model_portfolio
    FOR EACH ROW EXECUTE FUNCTION model_portfolio_is_immutable();
CREATE TRIGGER model_weight_immutable BEFORE UPDATE OR DELETE ON model_weight
    FOR EACH ROW EXECUTE FUNCTION model_weight_is_immutable();

-- advisory-service's view of a client, fed by client.profile, risk.profile and client.aum (no reach into other databases).
CREATE TABLE client_ref (
    client_id         uuid PRIMARY KEY,
    display_name      varchar(200),
    lifecycle_status  varchar(20),
    tier              varchar(20),
    primary_rm_id     uuid,
    advisor_id        uuid,
    team              varchar(64),
    erased            boolean      NOT NULL DEFAULT false,
    risk_level        varchar(2),
    risk_valid_until  timestamptz,
    assessment_id     uuid,
    aum_cny           numeric(20,2),
    high_risk_cny     numeric(20,2),
    holdings_as_of    date,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX client_ref_rm ON client_ref (primary_rm_id);
CREATE INDEX client_ref_advisor ON client_ref (advisor_id);
CREATE INDEX client_ref_team ON client_ref (team);

-- Holdings per asset class (CNY) from the latest ClientAumChanged.
CREATE TABLE holding (
    client_id   uuid          NOT NULL,
    asset_class varchar(20)   NOT NULL,
    amount_cny  numeric(20,2) NOT NULL,
    PRIMARY KEY (client_id, asset_class)
);

-- Drift: the last evaluation per client; a RebalanceSuggested is raised when the out-of-band set changes.
CREATE TABLE drift_state (
    client_id       uuid PRIMARY KEY,
    model_id        uuid         NOT NULL,
    evaluated_at    timestamptz  NOT NULL,
    rebalance       boolean      NOT NULL,
    signature       varchar(200) NOT NULL,
    suggested_at    timestamptz
);

CREATE TABLE proposal (
    id                  uuid PRIMARY KEY,
    client_id           uuid          NOT NULL,
    status              varchar(12)   NOT NULL CHECK (status IN ('DRAFT', 'PRESENTED', 'ACCEPTED', 'REJECTED', 'EXPIRED')),
    currency            char(3)       NOT NULL,
    investable_amount   numeric(18,2) NOT NULL CHECK (investable_amount > 0),
    unplaced_amount     numeric(18,2) NOT NULL DEFAULT 0,
    risk_level          varchar(2)    NOT NULL,
    assessment_id       uuid,
    model_id            uuid          NOT NULL REFERENCES model_portfolio (id),
    expected_return     numeric(7,4)  NOT NULL,
    expected_volatility numeric(7,4)  NOT NULL,
    suitability         varchar(30)   NOT NULL,
    checked_at          timestamptz   NOT NULL,
    notes               text          NOT NULL DEFAULT '[]',
    goal_ids            uuid[]        NOT NULL DEFAULT '{}',
    created_by          varchar(100)  NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    presented_at        timestamptz,
    presented_by        varchar(100),
    expires_at          timestamptz,
    decided_at          timestamptz,
    decided_by          varchar(100),
    rejection_reason    varchar(1000),
    version             bigint        NOT NULL DEFAULT 0
);
CREATE INDEX proposal_client ON proposal (client_id, created_at DESC);
CREATE INDEX proposal_presented_expiry ON proposal (expires_at) WHERE status = 'PRESENTED';

CREATE TABLE proposal_line (
    id             uuid PRIMARY KEY,
    proposal_id    uuid          NOT NULL REFERENCES proposal (id),
    line_no        integer       NOT NULL,
    product_id     uuid          NOT NULL REFERENCES product (id),
    asset_class    varchar(20)   NOT NULL,
    amount         numeric(18,2) NOT NULL CHECK (amount > 0),
    verdict        varchar(30)   NOT NULL,
    reasons        text          NOT NULL DEFAULT '[]'
);
CREATE INDEX proposal_line_proposal ON proposal_line (proposal_id, line_no);

CREATE TABLE goal (
    id             uuid PRIMARY KEY,
    client_id      uuid          NOT NULL,
    type           varchar(20)   NOT NULL CHECK (type IN ('EDUCATION', 'RETIREMENT', 'WEALTH_TRANSFER', 'HOME', 'OTHER')),
    name           varchar(200)  NOT NULL,
    target_amount  numeric(18,2) NOT NULL CHECK (target_amount > 0),
    currency       char(3)       NOT NULL,
    target_date    date          NOT NULL,
    funded_amount  numeric(18,2) NOT NULL DEFAULT 0 CHECK (funded_amount >= 0),
    created_by     varchar(100)  NOT NULL,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    version        bigint        NOT NULL DEFAULT 0
);
CREATE INDEX goal_client ON goal (client_id);

-- The bank's starting models (ops-admin writes new versions through the API).
INSERT INTO model_portfolio (id, risk_level, version, status, name, note, created_by, created_at) VALUES
('b0000000-0000-4000-8000-000000000001', 'C1', 1, 'ACTIVE', '保守型 Conservative', 'Capital preservation', 'seed', now()),
('b0000000-0000-4000-8000-000000000002', 'C2', 1, 'ACTIVE', '稳健型 Cautious', 'Income first', 'seed', now()),
('b0000000-0000-4000-8000-000000000003', 'C3', 1, 'ACTIVE', '平衡型 Balanced', 'Income and growth', 'seed', now()),
('b0000000-0000-4000-8000-000000000004', 'C4', 1, 'ACTIVE', '成长型 Growth', 'Growth with drawdowns', 'seed', now()),
('b0000000-0000-4000-8000-000000000005', 'C5', 1, 'ACTIVE', '进取型 Aggressive', 'Long-term growth', 'seed', now());
INSERT INTO model_weight (model_id, asset_class, target_percent, band_percent) VALUES
('b0000000-0000-4000-8000-000000000001', 'CASH', 40, 10), ('b0000000-0000-4000-8000-000000000001', 'FIXED_INCOME', 55, 10),
('b0000000-0000-4000-8000-000000000001', 'EQUITY', 0, 0), ('b0000000-0000-4000-8000-000000000001', 'ALTERNATIVE', 0, 0),
('b0000000-0000-4000-8000-000000000001', 'INSURANCE', 5, 5),
('b0000000-0000-4000-8000-000000000002', 'CASH', 20, 10), ('b0000000-0000-4000-8000-000000000002', 'FIXED_INCOME', 60, 10),
('b0000000-0000-4000-8000-000000000002', 'EQUITY', 10, 5), ('b0000000-0000-4000-8000-000000000002', 'ALTERNATIVE', 0, 5),
('b0000000-0000-4000-8000-000000000002', 'INSURANCE', 10, 5),
('b0000000-0000-4000-8000-000000000003', 'CASH', 10, 5), ('b0000000-0000-4000-8000-000000000003', 'FIXED_INCOME', 45, 10),
('b0000000-0000-4000-8000-000000000003', 'EQUITY', 30, 10), ('b0000000-0000-4000-8000-000000000003', 'ALTERNATIVE', 5, 5),
('b0000000-0000-4000-8000-000000000003', 'INSURANCE', 10, 5),
('b0000000-0000-4000-8000-000000000004', 'CASH', 5, 5), ('b0000000-0000-4000-8000-000000000004', 'FIXED_INCOME', 30, 10),
('b0000000-0000-4000-8000-000000000004', 'EQUITY', 45, 10), ('b0000000-0000-4000-8000-000000000004', 'ALTERNATIVE', 10, 5),
('b0000000-0000-4000-8000-000000000004', 'INSURANCE', 10, 5),
('b0000000-0000-4000-8000-000000000005', 'CASH', 5, 5), ('b0000000-0000-4000-8000-000000000005', 'FIXED_INCOME', 15, 10),
('b0000000-0000-4000-8000-000000000005', 'EQUITY', 55, 10), ('b0000000-0000-4000-8000-000000000005', 'ALTERNATIVE', 20, 10),
('b0000000-0000-4000-8000-000000000005', 'INSURANCE', 5, 5);

-- The shelf grows to ~30 products (the issue asks for a realistic one).
INSERT INTO product (id, code, name_zh, name_en, type, risk_rating, asset_class, currency, min_investment, lockup_days,
                     maturity_date, issuer, qualified_investor_only, private_product, expected_yield_low, expected_yield_high, status)
VALUES
('a0000000-0000-4000-8000-000000000013','DEP-LD-3Y','三年期大额存单','3-year large certificate of deposit','DEPOSIT',1,'CASH','CNY',200000,1095,NULL,'Aurum Bank',false,false,0.0190,0.0190,'ON_SALE'),
('a0000000-0000-4000-8000-000000000014','DEP-USD-6M','美元六个月定期','USD 6-month time deposit','DEPOSIT',1,'CASH','USD',5000,180,NULL,'Aurum Bank',false,false,0.0400,0.0400,'ON_SALE'),
('a0000000-0000-4000-8000-000000000015','WM-FI-365','年年盈一年期固收理财','Annual fixed-income WMP (1 year)','WEALTH_MANAGEMENT',2,'FIXED_INCOME','CNY',10000,365,NULL,'Aurum Wealth Management Co.',false,false,0.0280,0.0350,'ON_SALE'),
('a0000000-0000-4000-8000-000000000016','WM-FIPLUS-90','固收+季度开放理财','Fixed income plus, quarterly open','WEALTH_MANAGEMENT',3,'FIXED_INCOME','CNY',10000,90,NULL,'Aurum Wealth Management Co.',false,false,0.0300,0.0500,'ON_SALE'),
('a0000000-0000-4000-8000-000000000017','MF-MM-001','货币市场基金','Money market fund','MUTUAL_FUND',1,'CASH','CNY',1,0,NULL,'Harbour Fund Management',false,false,0.0170,0.0190,'ON_SALE'),
('a0000000-0000-4000-8000-000000000018','MF-SBOND-01','短债基金','Short-duration bond fund','MUTUAL_FUND',2,'FIXED_INCOME','CNY',100,0,NULL,'Harbour Fund Management',false,false,0.0230,0.0300,'ON_SALE'),
('a0000000-0000-4000-8000-000000000019','MF-DIV-LV','红利低波基金','Dividend low-volatility fund','MUTUAL_FUND',3,'EQUITY','CNY',1000,0,NULL,'Harbour Fund Management',false,false,0.0200,0.0700,'ON_SALE'),
('a0000000-0000-4000-8000-000000000020','MF-QDII-SPX','标普500 QDII基金','S&P 500 QDII fund','MUTUAL_FUND',4,'EQUITY','CNY',1000,0,NULL,'Harbour Fund Management',false,false,-0.1800,0.2000,'ON_SALE'),
('a0000000-0000-4000-8000-000000000021','MF-TECH-GR','科技成长股票基金','Technology growth equity fund','MUTUAL_FUND',5,'EQUITY','CNY',1000,0,NULL,'Summit Asset Management',false,false,-0.3000,0.3500,'ON_SALE'),
('a0000000-0000-4000-8000-000000000022','BOND-CDB-3Y','国开行三年期金融债','China Development Bank 3-year bond','BOND',1,'FIXED_INCOME','CNY',1000,0,'2029-06-30','China Development Bank',false,false,0.0200,0.0200,'ON_SALE'),
('a0000000-0000-4000-8000-000000000023','BOND-CORP-AAA','AAA企业债精选','AAA corporate bond selection','BOND',2,'FIXED_INCOME','CNY',100000,0,'2028-09-30','Aurum Bank',false,false,0.0270,0.0310,'ON_SALE'),
('a0000000-0000-4000-8000-000000000024','INS-WL-SAVE','增额终身寿险','Increasing whole life insurance','INSURANCE',2,'INSURANCE','CNY',50000,1825,NULL,'Evergreen Life Insurance',false,false,0.0200,0.0250,'ON_SALE'),
('a0000000-0000-4000-8000-000000000025','INS-EDU-18','少儿教育金保险','Children''s education endowment','INSURANCE',1,'INSURANCE','CNY',20000,1825,NULL,'Evergreen Life Insurance',false,false,0.0180,0.0220,'ON_SALE'),
('a0000000-0000-4000-8000-000000000026','TR-INS-FAM','保险金信托','Insurance trust','TRUST',2,'INSURANCE','CNY',1000000,3650,NULL,'Aurum Trust Co.',true,true,NULL,NULL,'ON_SALE'),
('a0000000-0000-4000-8000-000000000027','TR-RE-INC','不动产收益信托','Real-estate income trust','TRUST',4,'ALTERNATIVE','CNY',1000000,730,'2028-12-31','Aurum Trust Co.',true,true,0.0500,0.0700,'ON_SALE'),
('a0000000-0000-4000-8000-000000000028','PF-HEDGE-MN','市场中性私募','Market-neutral hedge fund','PRIVATE_FUND',4,'ALTERNATIVE','CNY',1000000,180,NULL,'Summit Capital',true,true,0.0400,0.0900,'ON_SALE'),
('a0000000-0000-4000-8000-000000000029','SP-PPN-1Y','一年期保本结构性存款','1-year principal-protected structured deposit','STRUCTURED',2,'FIXED_INCOME','CNY',50000,365,'2027-11-30','Aurum Bank',false,false,0.0150,0.0330,'ON_SALE'),
('a0000000-0000-4000-8000-000000000030','GOLD-ETF-L','黄金ETF联接基金','Gold ETF feeder fund','GOLD',3,'ALTERNATIVE','CNY',100,0,NULL,'Harbour Fund Management',false,false,NULL,NULL,'ON_SALE'),
('a0000000-0000-4000-8000-000000000031','REIT-INFRA','基础设施公募REITs','Public infrastructure REIT','MUTUAL_FUND',3,'ALTERNATIVE','CNY',1000,0,NULL,'Harbour Fund Management',false,false,0.0350,0.0600,'ON_SALE'),
('a0000000-0000-4000-8000-000000000032','WM-OLD-2024','稳利2024（已结束）','Steady 2024 (closed)','WEALTH_MANAGEMENT',2,'FIXED_INCOME','CNY',10000,365,'2025-12-31','Aurum Wealth Management Co.',false,false,0.0300,0.0360,'CLOSED');
