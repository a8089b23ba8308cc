-- What the scores refresh needs of each customer, kept as orders are written instead of read from every order at each
-- refresh. Per workspace, customer and currency ('' for orders that stated none), over the orders that count for
-- scores: open (completed or partly refunded) and worth more than nothing after refunds. A day is a UTC day, floored
-- (placed_at before 1970 included), as Epoch.Day counts it.
CREATE TABLE customer_purchases (
    workspace_id   bigint        NOT NULL,
    profile_id     bigint        NOT NULL,
    currency       text          NOT NULL,
    orders         bigint        NOT NULL,   -- counted orders
    purchase_days  bigint        NOT NULL,   -- distinct days with a counted order
    first_day      bigint        NOT NULL,
    last_day       bigint        NOT NULL,
    last_at        bigint        NOT NULL,   -- placed_at of the latest counted order
    net            numeric(28,4) NOT NULL,   -- Σ (total − refunded_amount)
    first_day_net  numeric(28,4) NOT NULL,   -- the part of net placed on first_day
    PRIMARY KEY (workspace_id, profile_id, currency)
);

-- Counts the given customers' rows again from the orders (the keys as three arrays of equal length).
CREATE FUNCTION customer_purchases_recount(ws bigint[], profiles bigint[], currencies text[]) RETURNS void AS $$
    DELETE FROM customer_purchases c USING unnest(ws, profiles, currencies) AS k(workspace_id, profile_id, currency)
    WHERE c.workspace_id = k.workspace_id AND c.profile_id = k.profile_id AND c.currency = k.currency;
    INSERT INTO customer_purchases (workspace_id, profile_id, currency, orders, purchase_days, first_day, last_day, last_at, net, first_day_net)
    SELECT workspace_id, profile_id, cur, COUNT(*), COUNT(DISTINCT day), MIN(day), MAX(day), MAX(placed_at), SUM(net),
           SUM(CASE WHEN day = first THEN net ELSE 0 END)
    FROM (SELECT o.workspace_id, o.profile_id, k.currency AS cur, o.placed_at, o.total - o.refunded_amount AS net,
                 (o.placed_at - CASE WHEN o.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS day,
                 MIN((o.placed_at - CASE WHEN o.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000)
                     OVER (PARTITION BY o.workspace_id, o.profile_id, k.currency) AS first
          FROM (SELECT DISTINCT * FROM unnest(ws, profiles, currencies) AS u(workspace_id, profile_id, currency)) k
          JOIN orders o ON o.workspace_id = k.workspace_id AND o.profile_id = k.profile_id AND COALESCE(o.currency, '') = k.currency
          WHERE o.status IN ('completed', 'partially_refunded') AND o.total > o.refunded_amount) x
    GROUP BY workspace_id, profile_id, cur;
$$ LANGUAGE sql;

SELECT customer_purchases_recount(array_agg(workspace_id), array_agg(profile_id), array_agg(currency))
FROM (SELECT DISTINCT workspace_id, profile_id, COALESCE(currency, '') AS currency FROM orders
      WHERE status IN ('completed', 'partially_refunded') AND total > refunded_amount) k;

-- Statement triggers: a statement that writes several orders of one customer (the ledger writes a batch in one
-- INSERT) counts the customer once, after all of them, rather than once per order from a half-written state.
CREATE FUNCTION customer_purchases_added() RETURNS trigger AS $$
BEGIN
    PERFORM customer_purchases_recount(array_agg(workspace_id), array_agg(profile_id), array_agg(currency))
    FROM (SELECT DISTINCT workspace_id, profile_id, COALESCE(currency, '') AS currency FROM added_rows
          WHERE status IN ('completed', 'partially_refunded') AND total > refunded_amount) k;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A cancellation, a refund, a merge (the order moves to the survivor), an erasure (to the anonymous profile) or a
-- changed day or currency counts the customer's row again, before and after the change.
CREATE FUNCTION customer_purchases_changed() RETURNS trigger AS $$
BEGIN
    PERFORM customer_purchases_recount(array_agg(workspace_id), array_agg(profile_id), array_agg(currency))
    FROM (SELECT o.workspace_id, o.profile_id, COALESCE(o.currency, '') AS currency
          FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.order_id = o.order_id
          WHERE ((o.status IN ('completed', 'partially_refunded') AND o.total > o.refunded_amount)
                 OR (n.status IN ('completed', 'partially_refunded') AND n.total > n.refunded_amount))
            AND (o.status <> n.status OR o.profile_id <> n.profile_id OR o.placed_at <> n.placed_at
                 OR o.currency IS DISTINCT FROM n.currency OR o.total <> n.total OR o.refunded_amount <> n.refunded_amount)
          UNION
          SELECT n.workspace_id, n.profile_id, COALESCE(n.currency, '')
          FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.order_id = o.order_id
          WHERE ((o.status IN ('completed', 'partially_refunded') AND o.total > o.refunded_amount)
                 OR (n.status IN ('completed', 'partially_refunded') AND n.total > n.refunded_amount))
            AND (o.status <> n.status OR o.profile_id <> n.profile_id OR o.placed_at <> n.placed_at
                 OR o.currency IS DISTINCT FROM n.currency OR o.total <> n.total OR o.refunded_amount <> n.refunded_amount)) k;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION customer_purchases_deleted() RETURNS trigger AS $$
BEGIN
    PERFORM customer_purchases_recount(array_agg(workspace_id), array_agg(profile_id), array_agg(currency))
    FROM (SELECT DISTINCT workspace_id, profile_id, COALESCE(currency, '') AS currency FROM old_rows
          WHERE status IN ('completed', 'partially_refunded') AND total > refunded_amount) k;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER customer_purchases_added AFTER INSERT ON orders REFERENCING NEW TABLE AS added_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_purchases_added();
CREATE TRIGGER customer_purchases_changed AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_purchases_changed();
CREATE TRIGGER customer_purchases_deleted AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_purchases_deleted();
