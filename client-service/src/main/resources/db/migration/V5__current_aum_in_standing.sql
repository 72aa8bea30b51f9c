-- The current AUM (latest daily total and its day) changes with every position snapshot and every upload, for every
-- client they touch. In `client` (a wide row with thirteen indexes, one of them on aum_cny) each such write was a new
-- row version in every index: 11 of the 60 s an upload of 1,000,000 positions for 200,000 clients took. It moves to
-- the narrow `client_standing` next to the other derived figures (fillfactor 50, one index that never changes: the
-- rewrite stays on its page). The index on aum_cny goes with the column: the AUM filters of the client search compare
-- coalesce(aum_cny, 0), which that index could not serve.
ALTER TABLE client_standing ADD COLUMN aum_cny numeric(20, 2), ADD COLUMN aum_as_of date;

INSERT INTO client_standing (client_id, aum_cny, aum_as_of)
SELECT id, aum_cny, aum_as_of FROM client WHERE aum_cny IS NOT NULL OR aum_as_of IS NOT NULL
ON CONFLICT (client_id) DO UPDATE SET aum_cny = EXCLUDED.aum_cny, aum_as_of = EXCLUDED.aum_as_of;

ALTER TABLE client DROP COLUMN aum_cny, DROP COLUMN aum_as_of;
