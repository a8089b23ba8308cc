-- Segments: one head row per segment pointing at its current definition (a JSON tree), every saved version kept
-- unchanged; who is in each segment since when; and one size row per segment and UTC day for the size history.

CREATE TABLE segments (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspaces(id),
    name             TEXT    NOT NULL,
    description      TEXT,
    current_version  INTEGER NOT NULL,
    definition       TEXT    NOT NULL,   -- the current version's JSON tree, kept here for the evaluators
    status           TEXT    NOT NULL,   -- active | archived
    member_count     INTEGER NOT NULL DEFAULT 0,
    computed_at      INTEGER,            -- end of the last full computation; null until the first
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (workspace_id, name)
);

CREATE TABLE segment_versions (
    segment_id    INTEGER NOT NULL REFERENCES segments(id),
    version       INTEGER NOT NULL,
    workspace_id  INTEGER NOT NULL,
    definition    TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    created_by    TEXT    NOT NULL,   -- user:<id> or key:<id>
    PRIMARY KEY (segment_id, version)
);

CREATE TABLE segment_members (
    workspace_id  INTEGER NOT NULL,
    segment_id    INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    entered_at    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, segment_id, profile_id)
) WITHOUT ROWID;
CREATE INDEX segment_members_profile ON segment_members (workspace_id, profile_id);

CREATE TABLE segment_sizes (
    workspace_id  INTEGER NOT NULL,
    segment_id    INTEGER NOT NULL,
    day           INTEGER NOT NULL,   -- UTC day number since 1970-01-01
    size          INTEGER NOT NULL,   -- members at the end of the day (or now, for today)
    entered       INTEGER NOT NULL,
    exited        INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, segment_id, day)
) WITHOUT ROWID;
