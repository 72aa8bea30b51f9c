-- Issue 27: a check is binding only when the product attributes came from the shelf (advisory-service); staff what-ifs
-- on attributes they typed are recorded too, marked binding = false. Rows from before the distinction stay NULL.
ALTER TABLE suitability_check ADD COLUMN binding boolean;
