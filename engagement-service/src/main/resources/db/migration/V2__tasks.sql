-- Tasks (issue 6): created from events (one per source event and type: idempotent) and by RMs by hand.
CREATE TABLE task (
    id              uuid PRIMARY KEY,
    client_id       uuid         NOT NULL,
    owner_id        uuid,
    team            varchar(64),
    type            varchar(30)  NOT NULL,
    priority        varchar(10)  NOT NULL,
    status          varchar(20)  NOT NULL,
    title           varchar(300) NOT NULL,
    notes           varchar(4000),
    due_at          timestamptz  NOT NULL,
    source_event_id uuid,
    source_type     varchar(60),
    created_by      varchar(100) NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    completed_at    timestamptz,
    closed_reason   varchar(300),
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT task_status CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    CONSTRAINT task_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT'))
);
-- the same source event never creates two tasks of one type
CREATE UNIQUE INDEX task_source ON task (source_event_id, type) WHERE source_event_id IS NOT NULL;
CREATE INDEX task_owner_open ON task (owner_id, due_at) WHERE status IN ('OPEN', 'IN_PROGRESS');
CREATE INDEX task_team_open ON task (team, due_at) WHERE status IN ('OPEN', 'IN_PROGRESS');
CREATE INDEX task_client ON task (client_id, type, status);
