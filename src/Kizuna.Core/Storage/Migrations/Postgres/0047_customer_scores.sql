-- The scores refresh's values, one row per scored customer with every score in a column, instead of nine rows
-- of profile_values: a daily refresh moves four values of almost every customer (P(alive), expected purchases, CLV
-- and churn risk follow the customer's age), and one row per customer is a quarter of the rows to write. The RFM
-- columns are set for every scored customer; the four predictions together, or none when the models were not fitted.
-- computed_at is the time of the refresh that last changed any of the row's values.
CREATE TABLE customer_scores (
    workspace_id        bigint  NOT NULL,
    profile_id          bigint  NOT NULL,
    rfm_recency         bigint  NOT NULL,
    rfm_frequency       bigint  NOT NULL,
    rfm_monetary        bigint  NOT NULL,
    rfm_score           text    NOT NULL,
    rfm_segment         text    NOT NULL,
    predicted_clv       double precision,
    p_alive             double precision,
    expected_purchases  double precision,
    churn_risk          double precision,
    computed_at         bigint  NOT NULL,
    PRIMARY KEY (workspace_id, profile_id)
);

-- The values the last refresh wrote as rows move into it.
INSERT INTO customer_scores (workspace_id, profile_id, rfm_recency, rfm_frequency, rfm_monetary, rfm_score, rfm_segment,
    predicted_clv, p_alive, expected_purchases, churn_risk, computed_at)
SELECT * FROM (
    SELECT workspace_id, profile_id,
        CAST(MAX(CASE WHEN name = 'rfm_recency' THEN number_value END) AS bigint) AS rfm_recency,
        CAST(MAX(CASE WHEN name = 'rfm_frequency' THEN number_value END) AS bigint) AS rfm_frequency,
        CAST(MAX(CASE WHEN name = 'rfm_monetary' THEN number_value END) AS bigint) AS rfm_monetary,
        MAX(CASE WHEN name = 'rfm_score' THEN text_value END) AS rfm_score,
        MAX(CASE WHEN name = 'rfm_segment' THEN text_value END) AS rfm_segment,
        MAX(CASE WHEN name = 'predicted_clv' THEN number_value END) AS predicted_clv,
        MAX(CASE WHEN name = 'p_alive' THEN number_value END) AS p_alive,
        MAX(CASE WHEN name = 'expected_purchases' THEN number_value END) AS expected_purchases,
        MAX(CASE WHEN name = 'churn_risk' THEN number_value END) AS churn_risk,
        MAX(computed_at) AS computed_at
    FROM profile_values WHERE name IN ('rfm_recency', 'rfm_frequency', 'rfm_monetary', 'rfm_score', 'rfm_segment', 'predicted_clv', 'p_alive', 'expected_purchases', 'churn_risk')
    GROUP BY workspace_id, profile_id
) s
WHERE rfm_recency IS NOT NULL AND rfm_frequency IS NOT NULL AND rfm_monetary IS NOT NULL AND rfm_score IS NOT NULL AND rfm_segment IS NOT NULL;

DELETE FROM profile_values WHERE name IN ('rfm_recency', 'rfm_frequency', 'rfm_monetary', 'rfm_score', 'rfm_segment', 'predicted_clv', 'p_alive', 'expected_purchases', 'churn_risk');

-- Every computed value of a profile, whichever table keeps it: the rows of profile_values and the score columns as
-- rows of the same shape. Segments, templates and the customer 360 page read values through it by name.
CREATE VIEW computed_values AS
SELECT workspace_id, profile_id, name, number_value, text_value, computed_at FROM profile_values
UNION ALL SELECT workspace_id, profile_id, 'rfm_recency', CAST(rfm_recency AS double precision), NULL, computed_at FROM customer_scores
UNION ALL SELECT workspace_id, profile_id, 'rfm_frequency', CAST(rfm_frequency AS double precision), NULL, computed_at FROM customer_scores
UNION ALL SELECT workspace_id, profile_id, 'rfm_monetary', CAST(rfm_monetary AS double precision), NULL, computed_at FROM customer_scores
UNION ALL SELECT workspace_id, profile_id, 'rfm_score', NULL, rfm_score, computed_at FROM customer_scores
UNION ALL SELECT workspace_id, profile_id, 'rfm_segment', NULL, rfm_segment, computed_at FROM customer_scores
UNION ALL SELECT workspace_id, profile_id, 'predicted_clv', predicted_clv, NULL, computed_at FROM customer_scores WHERE predicted_clv IS NOT NULL
UNION ALL SELECT workspace_id, profile_id, 'p_alive', p_alive, NULL, computed_at FROM customer_scores WHERE p_alive IS NOT NULL
UNION ALL SELECT workspace_id, profile_id, 'expected_purchases', expected_purchases, NULL, computed_at FROM customer_scores WHERE expected_purchases IS NOT NULL
UNION ALL SELECT workspace_id, profile_id, 'churn_risk', churn_risk, NULL, computed_at FROM customer_scores WHERE churn_risk IS NOT NULL;
