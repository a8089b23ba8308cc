-- What the last scores refresh of a workspace found, for the RFM grid, the CLV distribution and the analyze report
-- to read in one row instead of scanning every customer's values: written in the refresh's own transaction.
CREATE TABLE score_summaries (
    workspace_id  bigint PRIMARY KEY,
    computed_at   bigint NOT NULL,
    summary       text   NOT NULL   -- JSON (ScoreSummary), kept as written
);
