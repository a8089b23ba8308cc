-- Per-channel send-rate limits: how many messages every node together asked to send on a workspace's channel in each
-- second (window_start is the second's start, Unix ms). Each send batch adds what it asks for in one upsert and
-- sends what was left below the limit; windows over a minute old are deleted by the next batch.
CREATE TABLE send_rate_windows (
    workspace_id  bigint  NOT NULL,
    channel       text    NOT NULL,
    window_start  bigint  NOT NULL,
    asked         bigint  NOT NULL,
    PRIMARY KEY (workspace_id, channel, window_start)
);
