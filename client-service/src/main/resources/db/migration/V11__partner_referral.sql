-- Referrals a partner institution submits through the partner API (POST /api/clients/referrals). Each becomes a
-- PROSPECT in the intake team; this table remembers the partner's own reference, so a resend (a retry after a timeout)
-- answers the first receipt instead of registering the prospect twice. The partner sees only its receipt.
CREATE TABLE partner_referral (
    partner_id           varchar(100) NOT NULL,
    partner_reference    varchar(64)  NOT NULL,
    -- checked at commit: the referral claims its reference before the prospect it names is registered
    client_id            uuid         NOT NULL REFERENCES client (id) DEFERRABLE INITIALLY DEFERRED,
    received_at          timestamptz  NOT NULL,
    -- the partner attests that the prospect agreed to be contacted by the bank (the bank records its own consents)
    contact_consent_attested boolean  NOT NULL CHECK (contact_consent_attested),
    PRIMARY KEY (partner_id, partner_reference)
);
CREATE INDEX partner_referral_client ON partner_referral (client_id);
