-- Maker–checker (双人复核): a change to KYC status and review date, AML rating, PEP flag or the qualified-investor
-- facts is a request until a checker other than the maker approves it; enhanced due diligence is the same kind of
-- request with no field changes. Both names are kept; decided requests never change again.
CREATE TABLE client_change_request (
    id              uuid PRIMARY KEY,
    client_id       uuid NOT NULL REFERENCES client (id),
    kind            varchar(40) NOT NULL CHECK (kind IN ('PROFILE_FIELDS', 'ENHANCED_DUE_DILIGENCE')),
    status          varchar(20) NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    changes         text NOT NULL,
    reason          varchar(500),
    maker           varchar(100) NOT NULL,
    maker_username  varchar(100),
    requested_at    timestamptz NOT NULL,
    checker         varchar(100),
    checker_username varchar(100),
    decided_at      timestamptz,
    decision_reason varchar(500),
    CHECK ((status = 'PENDING') = (checker IS NULL))
);
CREATE INDEX client_change_request_client ON client_change_request (client_id, requested_at DESC);
CREATE INDEX client_change_request_pending ON client_change_request (requested_at) WHERE status = 'PENDING';
