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

-- `seq` comes from its own sequence and is never written otherwise, so its UNIQUE constraint (V0_1) guarded nothing
-- while every event paid for a third index entry when written and again when marked published. Without it, 616,000
-- events into an outbox of 2,000,000 rows (a scratch copy, three alternating rounds): written in 5.5 / 5.9 / 6.0 s
-- instead of 5.7 / 6.0 / 6.6 s, marked published in 5.4 / 6.4 / 7.0 s instead of 6.0 / 7.1 / 8.1 s. The relay's
-- order comes from the partial index outbox_event_pending.
ALTER TABLE outbox_event DROP CONSTRAINT IF EXISTS outbox_event_seq_key;
