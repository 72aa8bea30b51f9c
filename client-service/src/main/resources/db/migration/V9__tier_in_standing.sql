-- The tier moves next to the figures it is decided from. A month-end changes the tier of many clients at once (a
-- first month-end: 616,000 of 1,000,000), and in `client` — a wide row with twelve indexes, one of them on the tier —
-- each such change was a new row version in every index: about 14 of the 60 s that month-end took. In the narrow
-- `client_standing` (fillfactor 50) the month-end's one UPDATE of the derived figures sets the tier as well; a row
-- whose tier changes gets entries in two indexes (the key and the tier's), the others stay on their page.
-- From here on every client has a `client_standing` row: registration writes it with the tier (MASS).
ALTER TABLE client_standing ADD COLUMN tier varchar(20);

INSERT INTO client_standing (client_id, tier)
SELECT id, tier FROM client
ON CONFLICT (client_id) DO UPDATE SET tier = EXCLUDED.tier;

ALTER TABLE client_standing
    ALTER COLUMN tier SET NOT NULL,
    ADD CONSTRAINT client_standing_tier CHECK (tier IN ('MASS', 'VIP', 'GOLD', 'PLATINUM', 'DIAMOND', 'PRIVATE'));

-- the tier filter of the client search and the compliance list of uncovered top-tier clients
CREATE INDEX client_standing_tier ON client_standing (tier);

-- the column's index and check constraint go with it
ALTER TABLE client DROP COLUMN tier;
