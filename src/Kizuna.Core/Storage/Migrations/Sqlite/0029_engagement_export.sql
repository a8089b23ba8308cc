-- Engagement export: a workspace's webhook endpoints, to which every engagement event (or the events named) is
-- sent on, signed by the Standard Webhooks scheme. Deliveries are jobs on the webhook-export queue, not rows here.
CREATE TABLE webhook_endpoints (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL,
    url           TEXT    NOT NULL,
    description   TEXT,
    events        TEXT,               -- JSON array of event names; null: every engagement event
    secret        TEXT    NOT NULL,   -- the whsec_ signing secret, protected with the Data Protection keys
    created_at    INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_workspace ON webhook_endpoints (workspace_id);
