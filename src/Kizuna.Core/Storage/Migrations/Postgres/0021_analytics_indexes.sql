-- NPS reads the survey answers of a period: a partial index keeps them apart from every other event, so the read
-- touches only answers and ingestion pays only for answers.
CREATE INDEX events_survey_answers ON events (workspace_id, ts) WHERE name = 'Survey Responded';
