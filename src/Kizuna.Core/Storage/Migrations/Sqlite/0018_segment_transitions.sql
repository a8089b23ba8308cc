-- Entries and exits are decided by the member rows themselves: the rows a computation really inserted or deleted
-- are its transitions, numbered per segment from the head row's count and kept here, in the same transaction,
-- until their Segment Entered/Exited events are committed. A crash in between leaves them here to be written again
-- under the same messageIds, so no transition is lost and none is written twice, whoever computed it.
ALTER TABLE segments ADD COLUMN transition_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE segment_transitions (
    workspace_id  INTEGER NOT NULL,
    segment_id    INTEGER NOT NULL,
    seq           INTEGER NOT NULL,   -- 1, 2, 3… per segment, never reused
    profile_id    INTEGER NOT NULL,
    kind          TEXT    NOT NULL,   -- in | out
    cause         TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, segment_id, seq)
);
