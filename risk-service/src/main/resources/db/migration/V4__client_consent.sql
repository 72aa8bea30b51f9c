-- The client's consents per purpose (MARKETING, PARTNER_SHARING, PROFILING → granted?), from client.consent events.
ALTER TABLE client_ref ADD COLUMN consents jsonb NOT NULL DEFAULT '{}'::jsonb;
