-- Reads that find a customer's rows by the customer, whatever the store's size.
--
-- A journey's entries since a time (its entry rate limit) by an index on the entry time, not every entry of the
-- journey.
CREATE INDEX journey_entries_entered ON journey_entries (workspace_id, journey_id, entered_at);
