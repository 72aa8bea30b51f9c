-- Referral lookups ("whom did this client refer?") and the self-reference check when clients are deleted
-- (bench clean-up, data retention jobs) need an index on referred_by.
CREATE INDEX IF NOT EXISTS client_referred_by ON client (referred_by);
