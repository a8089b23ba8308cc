-- Message templates of every channel: a version says which channel it is for (null: email, as before) and keeps the
-- channel's fields beyond the subject line and body as JSON (push: image, deep link, data; webhook: method, URL,
-- headers).
ALTER TABLE template_versions ADD COLUMN channel text;
ALTER TABLE template_versions ADD COLUMN channel_fields text;

-- Push devices: a profile's app installs, registered from identify's context.device.token or the API, retired when
-- the provider answers that a token is no longer valid. A token belongs to one profile of a workspace at a time.
CREATE TABLE push_devices (
    workspace_id    bigint NOT NULL,
    profile_id      bigint NOT NULL,
    token           text   NOT NULL,
    platform        text,              -- ios | android | web | …, as the app says
    created_at      bigint NOT NULL,
    updated_at      bigint NOT NULL,
    retired_at      bigint,            -- set when the provider refused the token for good
    retired_reason  text,
    PRIMARY KEY (workspace_id, token)
);
CREATE INDEX push_devices_profile ON push_devices (workspace_id, profile_id);
