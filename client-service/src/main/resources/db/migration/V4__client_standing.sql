-- The figures a tier evaluation derives for every client (trailing average, grace counter) live in a narrow table of
-- their own: a month-end rewrites them for every client, and in `client` (a wide row with thirteen indexes) each such
-- write was a new row version in every index — 75 of the 153 s a month-end of 1,000,000 clients took. Here the
-- rewrite stays on its page (fillfactor 50: room for the next version, no index touched) and `client` is written
-- only when a tier changes.
CREATE TABLE client_standing (
    client_id        uuid PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    average_aum_cny  numeric(20, 2),
    month_ends_below integer NOT NULL DEFAULT 0
) WITH (fillfactor = 50);

INSERT INTO client_standing (client_id, average_aum_cny, month_ends_below)
SELECT id, average_aum_cny, month_ends_below FROM client
WHERE average_aum_cny IS NOT NULL OR month_ends_below <> 0;

ALTER TABLE client DROP COLUMN average_aum_cny, DROP COLUMN month_ends_below;
