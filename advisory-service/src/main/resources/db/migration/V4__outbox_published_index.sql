-- The hourly purge of published outbox rows (OutboxRelay.purgePublished: published_at older than the retention) read
-- the whole table without an index: 9.6 s for a 3.3M-row outbox that had nothing to purge, while the service was busy.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
