-- Entries and exits are decided by the member rows themselves: the rows a computation really inserted or deleted
-- are its transitions, numbered per segment from the head row's count and kept here, in the same transaction,
-- until their Segment Entered/Exited events are committed. A crash in between leaves them here to be written again
-- under the same messageIds, so no transition is lost and none is written twice, whoever computed it.
ALTER TABLE segments ADD COLUMN transition_count bigint NOT NULL DEFAULT 0;

CREATE TABLE segment_transitions (
    workspace_id  bigint NOT NULL,
    segment_id    bigint NOT NULL,
    seq           bigint NOT NULL,
    profile_id    bigint NOT NULL,
    kind          text   NOT NULL,
    cause         text   NOT NULL,
    at            bigint NOT NULL,
    PRIMARY KEY (workspace_id, segment_id, seq)
);
