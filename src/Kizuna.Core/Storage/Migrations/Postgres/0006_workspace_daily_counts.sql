-- Events per workspace, event name and UTC day, kept by the batch writer beside the per-profile roll-ups, so the
-- overview's "events today" and its daily series read a few rows instead of every profile's roll-ups. Each writer
-- adds to one of 16 slots (chosen when it starts), so the nodes of a deployment rarely wait on each other's row;
-- readers sum the slots.
CREATE TABLE workspace_daily_counts (
    workspace_id  bigint NOT NULL,
    day           integer NOT NULL,   -- UTC day number since 1970-01-01
    name          text   NOT NULL,
    slot          integer NOT NULL,
    count         bigint NOT NULL,
    PRIMARY KEY (workspace_id, day, name, slot)
);
INSERT INTO workspace_daily_counts (workspace_id, day, name, slot, count)
SELECT workspace_id, day, name, 0, SUM(count) FROM daily_counts GROUP BY workspace_id, day, name;

-- Orders by time, for revenue over a period.
CREATE INDEX orders_placed ON orders (workspace_id, placed_at);
