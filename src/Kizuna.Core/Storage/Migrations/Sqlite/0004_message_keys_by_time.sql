-- messageId deduplication keyed by the time the client stated and a hash of (workspace, messageId): a live
-- stream's keys arrive in time order, so a commit appends to the index instead of writing one random page per
-- message. Earlier keys are kept under stamp 0, where messages that state no time are keyed.
CREATE TABLE message_keys_by_time (
    stamp  INTEGER NOT NULL,   -- ms since the epoch as the client stated it; 0 when it stated none
    key    INTEGER NOT NULL,
    PRIMARY KEY (stamp, key)
) WITHOUT ROWID;
INSERT INTO message_keys_by_time (stamp, key) SELECT 0, key FROM message_keys;
DROP TABLE message_keys;
ALTER TABLE message_keys_by_time RENAME TO message_keys;
