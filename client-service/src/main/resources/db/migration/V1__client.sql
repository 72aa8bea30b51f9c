CREATE TABLE client (
    id               uuid PRIMARY KEY,
    full_name        varchar(200) NOT NULL,
    latin_name       varchar(200),
    birth_date       date,
    lifecycle_status varchar(20)  NOT NULL,
    tier             varchar(20)  NOT NULL,
    primary_rm_id    uuid,
    advisor_id       uuid,
    team             varchar(64),
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT client_lifecycle_status CHECK (lifecycle_status IN ('PROSPECT', 'ACTIVE', 'DORMANT', 'CLOSED')),
    CONSTRAINT client_tier CHECK (tier IN ('MASS', 'VIP', 'GOLD', 'PLATINUM', 'DIAMOND', 'PRIVATE'))
);
CREATE INDEX client_primary_rm ON client (primary_rm_id);
CREATE INDEX client_team ON client (team);
CREATE INDEX client_advisor ON client (advisor_id);
