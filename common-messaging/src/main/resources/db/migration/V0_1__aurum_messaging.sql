-- Shipped by aurum-common-messaging and applied by every service that uses it, before the
-- service's own migrations (V1 onwards).

-- Transactional outbox: events are written here in the same transaction as the state change
-- and relayed to Kafka afterwards (OutboxRelay), so a crash or a broker outage loses nothing.
CREATE TABLE outbox_event (
    id           uuid PRIMARY KEY,
    seq          bigserial    NOT NULL UNIQUE,
    topic        varchar(200) NOT NULL,
    message_key  varchar(100),
    event_type   varchar(100) NOT NULL,
    envelope     text         NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts     integer      NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumers: an event id is remembered per consumer in the same transaction as its
-- effect, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
