-- In-app messages and content cards as delivered to each customer: the rendered message (JSON in its channel's
-- shape), whether it is pinned and when it expires (cards), and what the customer did with it. One row per outbox
-- message, so a message delivered again after a crash is still one item.
CREATE TABLE in_app_items (
    workspace_id      INTEGER NOT NULL,
    profile_id        INTEGER NOT NULL,
    message_id        INTEGER NOT NULL,   -- the outbox message that delivered it
    channel           TEXT    NOT NULL,   -- in_app | content_card
    template_id       INTEGER NOT NULL,
    template_version  INTEGER NOT NULL,
    content           TEXT    NOT NULL,   -- the rendered message as JSON
    pinned            INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL,
    expires_at        INTEGER,
    seen_at           INTEGER,
    clicked_at        INTEGER,
    dismissed_at      INTEGER,
    PRIMARY KEY (workspace_id, profile_id, message_id)
);
CREATE UNIQUE INDEX in_app_items_message ON in_app_items (workspace_id, message_id);

-- Each workspace's identity-verification secret: its customers' apps prove who they are with an HMAC-SHA256 of the
-- user id under it, computed by the customer's own server.
CREATE TABLE identity_secrets (
    workspace_id  INTEGER PRIMARY KEY,
    secret        TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);
