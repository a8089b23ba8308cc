-- The dashboard's standard basket views (docs/analytics.md, Basket rules), computed at the scores refresh so the
-- page and the API read one row instead of mining every line of the period: one row per view, the key naming its
-- period and settings, the rules and itemsets as JSON. Products and counts only: no profile ids.
CREATE TABLE basket_results (
    workspace_id  bigint NOT NULL,
    view_key      text   NOT NULL,   -- BasketViews.Key: the period's days and the mining settings
    period_from   bigint NOT NULL,   -- UTC day numbers, both included
    period_to     bigint NOT NULL,
    computed_at   bigint NOT NULL,   -- ms since the epoch
    result        text   NOT NULL,   -- JSON (BasketAnalysis), kept as written
    PRIMARY KEY (workspace_id, view_key)
);
