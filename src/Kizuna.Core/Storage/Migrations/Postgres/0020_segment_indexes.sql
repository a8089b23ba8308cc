-- Segments read one event's daily counts across all profiles ("performed … within 30d": the profiles whose counts
-- in the window pass) and one event's stored events in a time range (property filters), both by name first.
CREATE INDEX daily_counts_name ON daily_counts (workspace_id, name, day, profile_id, count);
CREATE INDEX events_name_ts ON events (workspace_id, name, ts);
