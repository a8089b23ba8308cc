-- NPS reads the survey answers of a period: a partial index keeps them apart from every other event, so the read
-- touches only answers and ingestion pays only for answers.
CREATE INDEX events_survey_answers ON events (workspace_id, ts) WHERE name = 'Survey Responded';

-- Commerce metrics read the open orders of a period: with every column they use in the index, the read is one
-- range of it, never a lookup of each order's row.
CREATE INDEX orders_period ON orders (workspace_id, placed_at, status, currency, profile_id, total, refunded_amount);
