-- In-app messages and content cards as delivered to each customer: the rendered message (JSON in its channel's
-- shape), whether it is pinned and when it expires (cards), and what the customer did with it. One row per outbox
-- message, so a message delivered again after a crash is still one item.
CREATE TABLE in_app_items (
    workspace_id      bigint   NOT NULL,
    profile_id        bigint   NOT NULL,
    message_id        bigint   NOT NULL,   -- the outbox message that delivered it
    channel           text     NOT NULL,   -- in_app | content_card
    template_id       bigint   NOT NULL,
    template_version  bigint   NOT NULL,
    content           text     NOT NULL,   -- the rendered message as JSON
    pinned            bigint   NOT NULL DEFAULT 0,
    created_at        bigint   NOT NULL,
    expires_at        bigint,
    seen_at           bigint,
    clicked_at        bigint,
    dismissed_at      bigint,
    PRIMARY KEY (workspace_id, profile_id, message_id)
);
CREATE UNIQUE INDEX in_app_items_message ON in_app_items (workspace_id, message_id);

-- Each workspace's identity-verification secret: its customers' apps prove who they are with an HMAC-SHA256 of the
-- user id under it, computed by the customer's own server.
CREATE TABLE identity_secrets (
    workspace_id  bigint PRIMARY KEY,
    secret        text   NOT NULL,
    created_at    bigint NOT NULL
);
