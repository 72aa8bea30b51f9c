-- Shipped by aurum-common-messaging with V0_1 (the outbox and processed-event tables), applied by every service that
-- uses it. Indexes added to those tables after V0_1 live here: a repeatable migration runs after each service's own
-- versioned ones (a shared V0_2 would sort below migrations the services have applied already), so every statement
-- must be safe to run again.

-- The hourly purge of published outbox rows (OutboxRelay.purgePublished: published_at older than the retention) read
-- the whole table without it: 9.6 s for a 3.3M-row outbox that had nothing to purge, while the service was busy.
CREATE INDEX IF NOT EXISTS outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- The hourly clean-up of remembered event ids (ProcessedEvents.forgetExpired: processed_at older than the retention).
-- Rows arrive in processed_at order, so a BRIN index finds the old ones at almost no cost per consumed event.
CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event USING brin (processed_at);
