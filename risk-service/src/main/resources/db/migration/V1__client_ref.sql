-- risk-service's projection of client-service's client.profile events.
CREATE TABLE client_ref (
    client_id     uuid PRIMARY KEY,
    birth_date    date,
    primary_rm_id uuid,
    advisor_id    uuid,
    team          varchar(64),
    last_event_id uuid        NOT NULL,
    updated_at    timestamptz NOT NULL
);
