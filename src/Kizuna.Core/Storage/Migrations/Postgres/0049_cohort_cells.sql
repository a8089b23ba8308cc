-- Cohort retention kept as orders are written instead of read from every order at each read. A customer's cohort is
-- the month of their first open order (completed or partly refunded, any currency); a cohort of a period holds the
-- customers whose first order is in it, and its cell for a month counts those of them with an open order in that
-- month before the period's end. Months and days are UTC, a day floored (placed_at before 1970 included) as
-- Epoch.Day counts it, a month numbered year * 12 + month - 1.
--
-- cohort_months: per customer and month with an open order, the first day of one in it.
CREATE TABLE cohort_months (
    workspace_id  bigint NOT NULL,
    profile_id    bigint NOT NULL,
    month         bigint NOT NULL,
    day           bigint NOT NULL,
    PRIMARY KEY (workspace_id, profile_id, month)
);

-- cohort_cells: the customers counted per (first_day, day): first_day the day of their first open order, day the
-- first day of one in a month (first_day itself for the first month). A period [S, E] reads the cells with S <=
-- first_day <= E and day <= E, so a month that ends after the period counts only the customers who had come back by
-- its end; at most one row per pair of days whatever the customers (rows may fall to 0 and stay).
CREATE TABLE cohort_cells (
    workspace_id  bigint NOT NULL,
    first_day     bigint NOT NULL,
    day           bigint NOT NULL,
    customers     bigint NOT NULL,
    PRIMARY KEY (workspace_id, first_day, day)
);

-- Writes the given customers' months and cells again from the orders (the keys as two arrays of equal length).
CREATE FUNCTION cohort_months_recount(ws bigint[], profiles bigint[]) RETURNS void AS $$
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT workspace_id, first_day, day, -COUNT(*)
    FROM (SELECT m.workspace_id, m.day, MIN(m.day) OVER (PARTITION BY m.workspace_id, m.profile_id) AS first_day
          FROM (SELECT DISTINCT * FROM unnest(ws, profiles) AS u(workspace_id, profile_id)) k
          JOIN cohort_months m ON m.workspace_id = k.workspace_id AND m.profile_id = k.profile_id) x
    GROUP BY 1, 2, 3
    ON CONFLICT (workspace_id, first_day, day) DO UPDATE SET customers = cohort_cells.customers + excluded.customers;
    DELETE FROM cohort_months m USING unnest(ws, profiles) AS k(workspace_id, profile_id)
    WHERE m.workspace_id = k.workspace_id AND m.profile_id = k.profile_id;
    INSERT INTO cohort_months (workspace_id, profile_id, month, day)
    SELECT workspace_id, profile_id, (CAST(EXTRACT(YEAR FROM DATE '1970-01-01' + CAST(day AS integer)) AS bigint) * 12 + CAST(EXTRACT(MONTH FROM DATE '1970-01-01' + CAST(day AS integer)) AS bigint) - 1), MIN(day)
    FROM (SELECT o.workspace_id, o.profile_id, ((o.placed_at - CASE WHEN o.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) AS day
          FROM (SELECT DISTINCT * FROM unnest(ws, profiles) AS u(workspace_id, profile_id)) k
          JOIN orders o ON o.workspace_id = k.workspace_id AND o.profile_id = k.profile_id
          WHERE o.status IN ('completed', 'partially_refunded')) x
    GROUP BY 1, 2, 3;
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT workspace_id, first_day, day, COUNT(*)
    FROM (SELECT m.workspace_id, m.day, MIN(m.day) OVER (PARTITION BY m.workspace_id, m.profile_id) AS first_day
          FROM (SELECT DISTINCT * FROM unnest(ws, profiles) AS u(workspace_id, profile_id)) k
          JOIN cohort_months m ON m.workspace_id = k.workspace_id AND m.profile_id = k.profile_id) x
    GROUP BY 1, 2, 3
    ON CONFLICT (workspace_id, first_day, day) DO UPDATE SET customers = cohort_cells.customers + excluded.customers;
$$ LANGUAGE sql;

INSERT INTO cohort_months (workspace_id, profile_id, month, day)
SELECT workspace_id, profile_id, (CAST(EXTRACT(YEAR FROM DATE '1970-01-01' + CAST(day AS integer)) AS bigint) * 12 + CAST(EXTRACT(MONTH FROM DATE '1970-01-01' + CAST(day AS integer)) AS bigint) - 1), MIN(day)
FROM (SELECT workspace_id, profile_id, ((placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) AS day FROM orders WHERE orders.status IN ('completed', 'partially_refunded')) x
GROUP BY 1, 2, 3;

INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
SELECT workspace_id, first_day, day, COUNT(*)
FROM (SELECT workspace_id, day, MIN(day) OVER (PARTITION BY workspace_id, profile_id) AS first_day FROM cohort_months) x
GROUP BY 1, 2, 3;

-- Statement triggers: a statement that writes several orders of one customer (the ledger writes a batch in one
-- INSERT) writes the customer's months once, after all of them.
CREATE FUNCTION cohort_months_added() RETURNS trigger AS $$
BEGIN
    PERFORM cohort_months_recount(array_agg(workspace_id), array_agg(profile_id))
    FROM (SELECT DISTINCT workspace_id, profile_id FROM added_rows WHERE added_rows.status IN ('completed', 'partially_refunded')) k;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A cancellation or a whole refund, a reopened order, a merge (the order moves to the survivor), an erasure (to the
-- anonymous profile) or a changed time writes the customer's months and cells again, before and after the change.
CREATE FUNCTION cohort_months_changed() RETURNS trigger AS $$
BEGIN
    PERFORM cohort_months_recount(array_agg(workspace_id), array_agg(profile_id))
    FROM (SELECT o.workspace_id, o.profile_id
          FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.order_id = o.order_id
          WHERE (o.status IN ('completed', 'partially_refunded') OR n.status IN ('completed', 'partially_refunded'))
            AND ((o.status IN ('completed', 'partially_refunded')) <> (n.status IN ('completed', 'partially_refunded')) OR o.profile_id <> n.profile_id OR o.placed_at <> n.placed_at)
          UNION
          SELECT n.workspace_id, n.profile_id
          FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.order_id = o.order_id
          WHERE (o.status IN ('completed', 'partially_refunded') OR n.status IN ('completed', 'partially_refunded'))
            AND ((o.status IN ('completed', 'partially_refunded')) <> (n.status IN ('completed', 'partially_refunded')) OR o.profile_id <> n.profile_id OR o.placed_at <> n.placed_at)) k;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION cohort_months_deleted() RETURNS trigger AS $$
BEGIN
    PERFORM cohort_months_recount(array_agg(workspace_id), array_agg(profile_id))
    FROM (SELECT DISTINCT workspace_id, profile_id FROM old_rows WHERE old_rows.status IN ('completed', 'partially_refunded')) k;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER cohort_months_added AFTER INSERT ON orders REFERENCING NEW TABLE AS added_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cohort_months_added();
CREATE TRIGGER cohort_months_changed AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cohort_months_changed();
CREATE TRIGGER cohort_months_deleted AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cohort_months_deleted();
