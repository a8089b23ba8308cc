-- The fingerprint of the last message context a profile took: a visit repeats its context on every event, and
-- the batch writer recognises the repeat by this key instead of parsing and comparing the stored context.
ALTER TABLE profiles ADD COLUMN context_key INTEGER;
