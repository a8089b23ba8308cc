-- The outbox of messaging: one row per message, whatever its channel. A message is created once per idempotency
-- key (source + profile + occurrence, or the caller's key); its job on the job queue (key message:<id>) sends it,
-- and the row's state is what users see. The history keeps every state a message went through.
CREATE TABLE messages (
    id                INTEGER PRIMARY KEY,
    workspace_id      INTEGER NOT NULL,
    profile_id        INTEGER NOT NULL,   -- 0: sent to an address no profile answers to, or erased since
    channel           TEXT    NOT NULL,   -- email | sms | push | in_app | content_card | webhook
    source            TEXT    NOT NULL,   -- api | campaign:<id> | journey:<id> | …
    idempotency_key   TEXT    NOT NULL,
    template_id       INTEGER NOT NULL,
    template_version  INTEGER NOT NULL,   -- pinned when queued: a later edit does not change a message in flight
    recipient         TEXT,               -- the address; null once the profile is erased
    data              TEXT,               -- JSON the template reads as `data`
    transactional     INTEGER NOT NULL,   -- 1: bypasses marketing consent later, never suppression
    state             TEXT    NOT NULL,   -- queued | deferred | sending | sent | delivered | failed | suppressed | dead
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   INTEGER,            -- when deferred
    last_error        TEXT,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    sent_at           INTEGER
);
CREATE UNIQUE INDEX messages_key ON messages (workspace_id, idempotency_key);
CREATE INDEX messages_profile ON messages (workspace_id, profile_id, created_at);

CREATE TABLE message_history (
    workspace_id  INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    message_id    INTEGER NOT NULL,
    at            INTEGER NOT NULL,
    state         TEXT    NOT NULL,
    detail        TEXT                -- the reason of a deferral, suppression or failure
);
CREATE INDEX message_history_message ON message_history (message_id, at);
CREATE INDEX message_history_profile ON message_history (workspace_id, profile_id);
