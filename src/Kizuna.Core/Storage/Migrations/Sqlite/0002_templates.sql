-- Templates and content blocks: one head row per (workspace, kind, name) pointing at its current version, and every
-- saved version kept unchanged, so a message sent last month can be shown with the body it was sent with.

CREATE TABLE templates (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspaces(id),
    kind             TEXT    NOT NULL,   -- template | content_block
    name             TEXT    NOT NULL,
    current_version  INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (workspace_id, kind, name)
);

CREATE TABLE template_versions (
    template_id   INTEGER NOT NULL REFERENCES templates(id),
    version       INTEGER NOT NULL,
    workspace_id  INTEGER NOT NULL,
    subject       TEXT,
    description   TEXT,
    body          TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    created_by    TEXT    NOT NULL,   -- user:<id> or key:<id>
    PRIMARY KEY (template_id, version)
);
