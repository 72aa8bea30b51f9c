-- Under the ACKNOWLEDGED policy a client may buy above their level with a recorded acknowledgement and a
-- compliance officer's approval; the approved exception is referenced by id in later checks.
CREATE TABLE suitability_exception (
    id                   uuid PRIMARY KEY,
    client_id            uuid          NOT NULL,
    product_id           varchar(100)  NOT NULL,
    risk_rating          smallint      NOT NULL CHECK (risk_rating BETWEEN 1 AND 5),
    client_level         varchar(2)    NOT NULL,
    acknowledgement_text text          NOT NULL,
    acknowledged_at      timestamptz   NOT NULL,
    acknowledged_channel varchar(10)   NOT NULL CHECK (acknowledged_channel IN ('BRANCH', 'MOBILE')),
    requested_by         varchar(100)  NOT NULL,
    status               varchar(20)   NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
    decided_by           varchar(100),
    decided_at           timestamptz,
    decision_note        text,
    created_at           timestamptz   NOT NULL
);
CREATE INDEX suitability_exception_client ON suitability_exception (client_id, product_id, status);

-- the client's tier, for the compliance report of clients without a valid profile by tier
ALTER TABLE client_ref ADD COLUMN tier varchar(20);
