-- The durable job queue (Work/Jobs). A pending job is claimed by moving its due_at to the end of its lease, so a
-- job whose node died simply becomes due again. Only the current lease token can complete, fail or extend it.
CREATE TABLE jobs (
    id            INTEGER PRIMARY KEY,
    queue         TEXT    NOT NULL,
    key           TEXT,                     -- the caller's idempotency key, unique per queue
    group_key     TEXT,                     -- cancels a whole campaign or journey version at once
    workspace_id  INTEGER,
    payload       TEXT    NOT NULL,         -- JSON
    state         TEXT    NOT NULL,         -- pending | done | dead | cancelled
    due_at        INTEGER NOT NULL,         -- when pending and leased: the lease's expiry
    attempts      INTEGER NOT NULL DEFAULT 0,
    max_attempts  INTEGER NOT NULL,
    lease_owner   TEXT,
    lease_token   INTEGER,
    last_error    TEXT,
    created_at    INTEGER NOT NULL,
    finished_at   INTEGER
);
CREATE UNIQUE INDEX jobs_queue_key ON jobs (queue, key);
-- Only pending jobs are indexed by due time (id breaks ties, so a claim reads them in index order): finished
-- jobs and jobs scheduled for later never slow a claim down.
CREATE INDEX jobs_due ON jobs (queue, due_at, id) WHERE state = 'pending';
CREATE INDEX jobs_group ON jobs (group_key) WHERE state = 'pending' AND group_key IS NOT NULL;
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

-- Imports run as jobs on the "import" queue; the job's lease replaces the import's own heartbeat.
ALTER TABLE imports DROP COLUMN heartbeat_at;
