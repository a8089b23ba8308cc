-- Campaigns: one row per campaign with its definition (channel, variants, audience, schedule, goal) as a JSON
-- document; one row per run (a one-off campaign has one, a recurring one a run per occurrence); and the audience
-- snapshot of each run: who was targeted, in which variant or the control, when each is due (local-time sends differ
-- per customer) and the outbox message each got. The snapshot is the report's denominator and, with the outbox key
-- campaign:<id>:run:<n>:profile:<id>, what keeps a re-run, a restart or a second node from sending twice.
CREATE TABLE campaigns (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL REFERENCES workspaces(id),
    name            TEXT    NOT NULL,
    channel         TEXT    NOT NULL,
    state           TEXT    NOT NULL,   -- draft | scheduled | sending | paused | sent | cancelled
    definition      TEXT    NOT NULL,   -- JSON: variants, audience, schedule, control share, rate, goal, test
    winner          INTEGER,            -- the winning variant's index once picked
    next_run_at     INTEGER,            -- when the next run starts (scheduled and recurring campaigns)
    runs            INTEGER NOT NULL DEFAULT 0,
    created_by      TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    started_at      INTEGER,
    finished_at     INTEGER
);
CREATE INDEX campaigns_workspace ON campaigns (workspace_id, id);

CREATE TABLE campaign_runs (
    workspace_id    INTEGER NOT NULL,
    campaign_id     INTEGER NOT NULL,
    run             INTEGER NOT NULL,
    started_at      INTEGER NOT NULL,
    snapshot_done   INTEGER NOT NULL DEFAULT 0,
    targeted        INTEGER NOT NULL DEFAULT 0,
    test_ends_at    INTEGER,            -- end of the A/B test window when the winner is picked automatically
    finished_at     INTEGER,
    PRIMARY KEY (workspace_id, campaign_id, run)
) WITHOUT ROWID;

CREATE TABLE campaign_recipients (
    workspace_id    INTEGER NOT NULL,
    campaign_id     INTEGER NOT NULL,
    run             INTEGER NOT NULL,
    profile_id      INTEGER NOT NULL,
    variant         INTEGER NOT NULL,   -- 0..7; -1 the campaign's control; -2 waiting for the test's winner
    status          TEXT    NOT NULL,   -- pending | held | queued | control | skipped | cancelled
    due_at          INTEGER NOT NULL,
    message_id      INTEGER,
    detail          TEXT,               -- why a profile was skipped
    PRIMARY KEY (workspace_id, campaign_id, run, profile_id)
) WITHOUT ROWID;
CREATE INDEX campaign_recipients_due ON campaign_recipients (workspace_id, campaign_id, run, status, due_at);
CREATE INDEX campaign_recipients_profile ON campaign_recipients (workspace_id, profile_id);
