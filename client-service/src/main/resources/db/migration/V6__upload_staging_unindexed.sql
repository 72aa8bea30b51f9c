-- Every statement on the upload staging table reads all rows of one job (the apply, the clean-up after a failure or a
-- restart), and a worker stages one job at a time, so the index on job_id served no lookup; it cost a third of the
-- time PostgreSQL took to take 1,000,000 staged rows in through COPY (4.3 s with it, 3.0 s without).
DROP INDEX IF EXISTS aum_upload_row_job;
