-- Tier history is written in bulk: a first month-end adds 616,000 rows at once. Its foreign key to `client` made
-- PostgreSQL check every row on its own (a SELECT ... FOR KEY SHARE per row), which also locked each changed
-- client's row and so rewrote and WAL-logged 616,000 tuples of `client` in the middle of the month-end: the same
-- 616,093 rows went in in 4.2 and 4.7 s with the key, 2.0 and 2.0 s without it (rolled-back runs, alternating).
-- Like the AUM tables (aum_position, aum_daily), the history keeps the client's id without the key: the tiering
-- engine writes it only for clients it read in the same transaction, and clients are never deleted (an erasure
-- blanks the personal data in place and keeps the row).
ALTER TABLE tier_change DROP CONSTRAINT IF EXISTS tier_change_client_id_fkey;
