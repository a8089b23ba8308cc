-- What the last scores refresh of a workspace found, for the RFM grid, the CLV distribution and the analyze report
-- to read in one row instead of scanning every customer's values: written in the refresh's own transaction.
CREATE TABLE score_summaries (
    workspace_id  INTEGER PRIMARY KEY,
    computed_at   INTEGER NOT NULL,
    summary       TEXT    NOT NULL   -- JSON (ScoreSummary)
);
