-- messageId deduplication keyed by the time the client stated and a hash of (workspace, messageId): a live
-- stream's keys arrive in time order, so a commit appends to the index instead of writing one random page per
-- message. Earlier keys are kept under stamp 0, where messages that state no time are keyed.
ALTER TABLE message_keys DROP CONSTRAINT message_keys_pkey;
ALTER TABLE message_keys ADD COLUMN stamp bigint NOT NULL DEFAULT 0;
ALTER TABLE message_keys ALTER COLUMN stamp DROP DEFAULT;
ALTER TABLE message_keys ADD PRIMARY KEY (stamp, key);
