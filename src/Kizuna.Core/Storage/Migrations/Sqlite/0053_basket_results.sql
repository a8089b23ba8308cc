-- The dashboard's standard basket views (docs/analytics.md, Basket rules), computed at the scores refresh so the
-- page and the API read one row instead of mining every line of the period: one row per view, the key naming its
-- period and settings, the rules and itemsets as JSON. Products and counts only: no profile ids.
CREATE TABLE basket_results (
    workspace_id  INTEGER NOT NULL,
    view_key      TEXT    NOT NULL,   -- BasketViews.Key: the period's days and the mining settings
    period_from   INTEGER NOT NULL,   -- UTC day numbers, both included
    period_to     INTEGER NOT NULL,
    computed_at   INTEGER NOT NULL,   -- ms since the epoch
    result        TEXT    NOT NULL,   -- JSON (BasketAnalysis)
    PRIMARY KEY (workspace_id, view_key)
);
