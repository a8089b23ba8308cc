-- The node that holds a queued or running import touches it every few seconds; a job whose node stopped (killed,
-- restarted) stops being touched, and any node then marks it failed instead of leaving it queued or running.
ALTER TABLE imports ADD COLUMN heartbeat_at INTEGER;
UPDATE imports SET heartbeat_at = created_at;
