-- Journeys: a head row per journey (its state, the latest version and the version new entries take) and every saved
-- version's definition unchanged as JSON. An entry is one customer's pass through one version: where it is, what it
-- waits for and until when, the entry event's properties (what keyed waits and exits compare and templates read),
-- keyed by journey and the triggering event's messageId so a change handed over twice enters nobody twice. Every step
-- taken is a row of journey_steps, numbered per entry, so the customer's page and the journey's page show the path.
CREATE TABLE journeys (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL REFERENCES workspaces(id),
    name            TEXT    NOT NULL,
    state           TEXT    NOT NULL,   -- draft | live | paused | archived
    version         INTEGER NOT NULL,   -- the latest saved version
    live_version    INTEGER,            -- the version new entries take (set when it goes live)
    resumes         INTEGER NOT NULL DEFAULT 0,
    created_by      TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX journeys_workspace ON journeys (workspace_id, id);

CREATE TABLE journey_versions (
    workspace_id    INTEGER NOT NULL,
    journey_id      INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    definition      TEXT    NOT NULL,   -- JSON: entry, re-entry, exits, goal, nodes and edges
    created_by      TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, journey_id, version)
) WITHOUT ROWID;

CREATE TABLE journey_entries (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER NOT NULL,
    profile_id      INTEGER NOT NULL,
    journey_id      INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    entry_key       TEXT    NOT NULL,   -- event:<messageId> or api:<key>
    state           TEXT    NOT NULL,   -- active | waiting | completed | exited
    node            TEXT    NOT NULL,   -- the node it is at (waiting there, or about to run it)
    seq             INTEGER NOT NULL,   -- steps taken; a timer names the seq it was set at
    wait_until      INTEGER,            -- when a delay ends or a wait times out
    entry_event     TEXT,
    entry_data      TEXT,               -- JSON: the entry event's properties or the API call's data
    vars            TEXT,               -- JSON: what steps found out (the experiment path taken)
    entered_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    exit_reason     TEXT,
    converted_at    INTEGER
);
CREATE UNIQUE INDEX journey_entries_key ON journey_entries (workspace_id, journey_id, entry_key);
CREATE INDEX journey_entries_profile ON journey_entries (workspace_id, profile_id, state);
CREATE INDEX journey_entries_journey ON journey_entries (workspace_id, journey_id, state);

CREATE TABLE journey_steps (
    workspace_id    INTEGER NOT NULL,
    entry_id        INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    profile_id      INTEGER NOT NULL,
    journey_id      INTEGER NOT NULL,
    node            TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    outcome         TEXT    NOT NULL,   -- entered | sent | skipped | waiting | matched | timed_out | passed | branch:<edge> | exited | completed
    message_id      INTEGER,
    PRIMARY KEY (workspace_id, entry_id, seq)
) WITHOUT ROWID;
CREATE INDEX journey_steps_journey ON journey_steps (workspace_id, journey_id, node);
CREATE INDEX journey_steps_profile ON journey_steps (workspace_id, profile_id);
