-- engagement-service's projection of client-service's client.profile events.
CREATE TABLE client_card (
    client_id        uuid PRIMARY KEY,
    full_name        varchar(200) NOT NULL,
    latin_name       varchar(200),
    birth_date       date,
    lifecycle_status varchar(20)  NOT NULL,
    tier             varchar(20)  NOT NULL,
    primary_rm_id    uuid,
    advisor_id       uuid,
    team             varchar(64),
    last_event_id    uuid         NOT NULL,
    updated_at       timestamptz  NOT NULL
);
CREATE INDEX client_card_primary_rm ON client_card (primary_rm_id);
CREATE INDEX client_card_team ON client_card (team);
