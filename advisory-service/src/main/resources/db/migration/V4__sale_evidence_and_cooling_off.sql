-- Issue 27: the client's own acts on a proposal are recorded (sale evidence), and private products' cooling-off.

-- COOLING_OFF: accepted by the client, final only when cooling_off_until has passed; CANCELLED: withdrawn within it.
ALTER TABLE proposal DROP CONSTRAINT proposal_status_check;
ALTER TABLE proposal ADD CONSTRAINT proposal_status_check
    CHECK (status IN ('DRAFT', 'PRESENTED', 'COOLING_OFF', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'CANCELLED'));
ALTER TABLE proposal
    ADD COLUMN cooling_off_until   timestamptz,
    ADD COLUMN final_at            timestamptz,
    ADD COLUMN cancelled_at        timestamptz,
    ADD COLUMN cancelled_by        varchar(100),
    ADD COLUMN cancellation_reason varchar(1000),
    ADD CONSTRAINT proposal_cooling_off_has_an_end CHECK (status <> 'COOLING_OFF' OR cooling_off_until IS NOT NULL);
CREATE INDEX proposal_cooling_off_due ON proposal (cooling_off_until) WHERE status = 'COOLING_OFF';

-- One row per act of the client's: an acknowledgement of a line (line_no) or the acceptance (no line), what was shown,
-- the channel, who captured it and, at a branch, the second staff member who confirmed it.
CREATE TABLE sale_evidence (
    id                 uuid PRIMARY KEY,
    proposal_id        uuid          NOT NULL REFERENCES proposal (id),
    kind               varchar(16)   NOT NULL CHECK (kind IN ('ACKNOWLEDGEMENT', 'ACCEPTANCE')),
    line_no            integer,
    product_code       varchar(100),
    verdict            varchar(30),
    reason_codes       varchar(40)[] NOT NULL DEFAULT '{}',
    disclosure_version varchar(40)   NOT NULL,
    disclosure_zh      text          NOT NULL,
    disclosure_en      text          NOT NULL,
    channel            varchar(6)    NOT NULL CHECK (channel IN ('APP', 'BRANCH')),
    captured_by        varchar(100)  NOT NULL,
    captured_by_id     varchar(64)   NOT NULL,
    captured_by_client boolean       NOT NULL,
    captured_at        timestamptz   NOT NULL,
    confirmed_by       varchar(100),
    confirmed_by_id    varchar(64),
    confirmed_at       timestamptz,
    CHECK ((kind = 'ACKNOWLEDGEMENT') = (line_no IS NOT NULL)),
    -- the app is the client's own login, a branch capture is staff's
    CHECK ((channel = 'APP') = captured_by_client),
    CHECK ((confirmed_by IS NULL) = (confirmed_by_id IS NULL) AND (confirmed_by IS NULL) = (confirmed_at IS NULL)),
    -- four eyes: nobody confirms what they captured
    CHECK (confirmed_by_id IS NULL OR confirmed_by_id <> captured_by_id)
);
CREATE INDEX sale_evidence_proposal ON sale_evidence (proposal_id, captured_at);

-- Evidence is kept as recorded: the only change ever made to a row is adding its missing confirmation, once.
CREATE FUNCTION sale_evidence_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.confirmed_by_id IS NULL AND NEW.confirmed_by_id IS NOT NULL
       AND (NEW.id, NEW.proposal_id, NEW.kind, NEW.line_no, NEW.product_code, NEW.verdict, NEW.reason_codes,
            NEW.disclosure_version, NEW.disclosure_zh, NEW.disclosure_en, NEW.channel, NEW.captured_by, NEW.captured_by_id,
            NEW.captured_by_client, NEW.captured_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.proposal_id, OLD.kind, OLD.line_no, OLD.product_code, OLD.verdict, OLD.reason_codes,
            OLD.disclosure_version, OLD.disclosure_zh, OLD.disclosure_en, OLD.channel, OLD.captured_by, OLD.captured_by_id,
            OLD.captured_by_client, OLD.captured_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'sale evidence is kept as recorded: only a missing confirmation may be added';
END $$;
CREATE TRIGGER sale_evidence_kept BEFORE UPDATE OR DELETE ON sale_evidence
    FOR EACH ROW EXECUTE FUNCTION sale_evidence_is_kept();
