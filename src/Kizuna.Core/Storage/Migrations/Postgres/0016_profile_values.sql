-- Values other features compute for a profile (RFM segment, predicted CLV, loyalty tier, …), one row per name.
-- Segments read them like traits and templates show them on `customer`; the feature that owns a name rewrites
-- it whole on each refresh. A value is a number or a text, never both; numbers are model estimates (a predicted
-- CLV, a probability), not ledger amounts, so they are stored as floating point.
CREATE TABLE profile_values (
    workspace_id  bigint NOT NULL,
    profile_id    bigint NOT NULL,
    name          text   NOT NULL,
    number_value  double precision,
    text_value    text,
    computed_at   bigint NOT NULL,
    PRIMARY KEY (workspace_id, profile_id, name)
);
CREATE INDEX profile_values_name ON profile_values (workspace_id, name, profile_id);
