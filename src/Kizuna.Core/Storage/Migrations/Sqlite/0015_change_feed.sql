-- The change feed: one row per committed writer transaction, read by durable consumers in order of (tx, id)
-- from their own cursor. SQLite's single writer commits in id order, so tx is always 0 here. AUTOINCREMENT:
-- pruning may delete the newest row, and an id handed out again would sit behind a cursor that already passed it.
-- A change holds ids only (its events are read from events by change_id), so an erased customer's events,
-- deleted from events, leave nothing behind in the feed.
CREATE TABLE changes (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    tx            INTEGER NOT NULL,
    committed_at  INTEGER NOT NULL,
    event_count   INTEGER NOT NULL,
    profiles      TEXT    NOT NULL,   -- JSON [[workspace, profile], …]: profiles whose traits or aggregates changed
    merges        TEXT    NOT NULL,   -- JSON [[workspace, from, into], …]
    erased        TEXT    NOT NULL    -- JSON [[workspace, profile], …]: profiles erased by this transaction
);
CREATE INDEX changes_position ON changes (tx, id);

ALTER TABLE events ADD COLUMN change_id INTEGER;
CREATE INDEX events_change ON events (change_id) WHERE change_id IS NOT NULL;

-- Each consumer's position and the lease of the node running it (one node at a time cluster-wide).
CREATE TABLE change_cursors (
    consumer     TEXT    PRIMARY KEY,
    tx           INTEGER NOT NULL,
    id           INTEGER NOT NULL,
    lease_owner  TEXT,
    lease_until  INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
