-- Events per workspace, event name and UTC day, kept by the batch writer beside the per-profile roll-ups, so the
-- overview's "events today" and its daily series read a few rows instead of every profile's roll-ups.
CREATE TABLE workspace_daily_counts (
    workspace_id  bigint NOT NULL,
    day           integer NOT NULL,   -- UTC day number since 1970-01-01
    name          text   NOT NULL,
    count         bigint NOT NULL,
    PRIMARY KEY (workspace_id, day, name)
);
INSERT INTO workspace_daily_counts (workspace_id, day, name, count)
SELECT workspace_id, day, name, SUM(count) FROM daily_counts GROUP BY workspace_id, day, name;

-- Orders by time, for revenue over a period.
CREATE INDEX orders_placed ON orders (workspace_id, placed_at);
