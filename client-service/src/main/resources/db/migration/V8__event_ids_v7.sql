-- Event ids as time-ordered UUIDs (version 7: Unix milliseconds, then random bits), as io.aurum.messaging.EventIds
-- makes them in Java, for the events built in SQL (an upload's ClientAumChanged). A burst of events then appends to
-- the right edge of the outbox's primary key (and of each consumer's processed-events key) instead of touching a
-- random page per event. PostgreSQL 18 has uuidv7(); 17 does not.
CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                  PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                  FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;
