-- Consent, guardrails and tracking of messaging. A workspace's subscription groups (topics a customer can leave
-- one by one: a newsletter, product updates) belong to one channel each. A customer's answer per channel (group_id
-- 0) and per group is one row: subscribed, opted_in (said yes explicitly), unsubscribed or pending (a double
-- opt-in confirmation is on its way), with where it came from and when. No row is the channel's or group's default.
CREATE TABLE subscription_groups (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL,
    key             TEXT    NOT NULL,   -- what traits, the API and messages name it by: newsletter, product_updates
    channel         TEXT    NOT NULL,   -- email | sms | push | …
    name            TEXT    NOT NULL,
    description     TEXT,
    name_ja         TEXT,               -- shown on the preferences page in Japanese; name when null
    description_ja  TEXT,
    opt_in          INTEGER NOT NULL,   -- 1: only customers who subscribed get it; 0: everyone until they leave
    archived        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX subscription_groups_key ON subscription_groups (workspace_id, key);

CREATE TABLE subscriptions (
    workspace_id  INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    channel       TEXT    NOT NULL,
    group_id      INTEGER NOT NULL,   -- 0: the channel itself
    state         TEXT    NOT NULL,   -- subscribed | opted_in | unsubscribed | pending
    source        TEXT    NOT NULL,   -- identify | api | unsubscribe_link | one_click | preferences | double_opt_in | …
    changed_at    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, profile_id, channel, group_id)
) WITHOUT ROWID;

-- Per-workspace messaging settings (consent policy per channel, double opt-in, frequency caps, quiet hours, the
-- global control group, tracking) as one JSON document; absent means the defaults.
CREATE TABLE messaging_settings (
    workspace_id  INTEGER PRIMARY KEY,
    document      TEXT    NOT NULL,
    updated_at    INTEGER NOT NULL
);

-- A marketing message names the subscription group it is sent under (null: the channel only).
ALTER TABLE messages ADD COLUMN subscription_group_id INTEGER;
-- Frequency caps count a profile's recent marketing sends.
CREATE INDEX messages_profile_sent ON messages (workspace_id, profile_id, sent_at) WHERE transactional = 0 AND sent_at IS NOT NULL;
