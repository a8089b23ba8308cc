-- Period roll-ups of the commerce figures. Distinct customers, repeat customers and the time between orders of a
-- period need every order of the period grouped by customer; kept per order instead, they become counts.
--
-- order_links: one row per open order (completed or partially refunded; what commerce counts), with the placed_at of
-- the customer's previous and next open order in the same currency ('' for none stated), ordered by (placed_at,
-- order_id); NULL when there is none. An order of the period whose previous order is before the period is the
-- customer's first in it, one whose next is after it the last.
CREATE TABLE order_links (
    workspace_id  bigint        NOT NULL,
    profile_id    bigint        NOT NULL,
    currency      text          NOT NULL,
    placed_at     bigint        NOT NULL,
    order_id      text          NOT NULL,
    prev_at       bigint,
    next_at       bigint,
    net           numeric(28,4) NOT NULL,   -- total − refunded_amount
    PRIMARY KEY (workspace_id, profile_id, currency, placed_at, order_id)
);

-- order_link_cells: the links counted per pair of UTC days (floored, as Epoch.Day counts them), three pairs: kind 0
-- (a = the order's day, b = its previous order's day), kind 1 (the order's day, its next order's day), kind 2 (the
-- previous order's day, the next order's day). No previous order is day -1000000000, no next order 1000000000.
-- offset_ms sums placed_at minus the start of the order's day. Whatever the number of orders, a period reads at most
-- one row per day pair.
CREATE TABLE order_link_cells (
    workspace_id  bigint        NOT NULL,
    kind          smallint      NOT NULL,
    a             bigint        NOT NULL,
    currency      text          NOT NULL,
    b             bigint        NOT NULL,
    orders        bigint        NOT NULL,
    net           numeric(28,4) NOT NULL,
    offset_ms     bigint        NOT NULL,
    PRIMARY KEY (workspace_id, kind, a, currency, b)
);

-- The three cells of each link, signed (+1 added, −1 removed), summed per cell and added to the stored cells.
CREATE FUNCTION order_link_cells_add(ws bigint[], currencies text[], placed bigint[], prev bigint[], next bigint[], nets numeric[], signs int[]) RETURNS void AS $$
    INSERT INTO order_link_cells AS c (workspace_id, kind, a, currency, b, orders, net, offset_ms)
    SELECT workspace_id, k.kind, CASE k.kind WHEN 2 THEN p ELSE d END, currency, CASE k.kind WHEN 0 THEN p ELSE n END,
           SUM(sign), SUM(sign * net), SUM(sign * (placed_at - d * 86400000))
    FROM (SELECT workspace_id, currency, placed_at, net, sign,
                 (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
          FROM unnest(ws, currencies, placed, prev, next, nets, signs) AS l(workspace_id, currency, placed_at, prev_at, next_at, net, sign)) l
    CROSS JOIN (VALUES (0), (1), (2)) AS k(kind)
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (workspace_id, kind, a, currency, b) DO UPDATE
        SET orders = c.orders + excluded.orders, net = c.net + excluded.net, offset_ms = c.offset_ms + excluded.offset_ms;
$$ LANGUAGE sql;

-- Writes the given customers' links again from the orders (the keys as three arrays of equal length), and moves the
-- cells by the links removed and added.
CREATE FUNCTION order_links_recount(ws bigint[], profiles bigint[], currencies text[]) RETURNS void AS $$
    WITH removed AS (
        DELETE FROM order_links l USING (SELECT DISTINCT * FROM unnest(ws, profiles, currencies) AS u(workspace_id, profile_id, currency)) k
        WHERE l.workspace_id = k.workspace_id AND l.profile_id = k.profile_id AND l.currency = k.currency
        RETURNING l.workspace_id, l.currency, l.placed_at, l.prev_at, l.next_at, l.net)
    SELECT order_link_cells_add(array_agg(workspace_id), array_agg(currency), array_agg(placed_at), array_agg(prev_at), array_agg(next_at),
                                array_agg(net), array_agg(-1))
    FROM removed HAVING COUNT(*) > 0;
    WITH added AS (
        INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
        SELECT o.workspace_id, o.profile_id, k.currency, o.placed_at, o.order_id,
               LAG(o.placed_at) OVER w, LEAD(o.placed_at) OVER w, o.total - o.refunded_amount
        FROM (SELECT DISTINCT * FROM unnest(ws, profiles, currencies) AS u(workspace_id, profile_id, currency)) k
        JOIN orders o ON o.workspace_id = k.workspace_id AND o.profile_id = k.profile_id AND COALESCE(o.currency, '') = k.currency
        WHERE o.status IN ('completed', 'partially_refunded')
        WINDOW w AS (PARTITION BY o.workspace_id, o.profile_id, k.currency ORDER BY o.placed_at, o.order_id)
        RETURNING workspace_id, currency, placed_at, prev_at, next_at, net)
    SELECT order_link_cells_add(array_agg(workspace_id), array_agg(currency), array_agg(placed_at), array_agg(prev_at), array_agg(next_at),
                                array_agg(net), array_agg(1))
    FROM added HAVING COUNT(*) > 0;
$$ LANGUAGE sql;

INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
SELECT workspace_id, profile_id, COALESCE(currency, ''), placed_at, order_id,
       LAG(placed_at) OVER w, LEAD(placed_at) OVER w, total - refunded_amount
FROM orders WHERE status IN ('completed', 'partially_refunded')
WINDOW w AS (PARTITION BY workspace_id, profile_id, COALESCE(currency, '') ORDER BY placed_at, order_id);

INSERT INTO order_link_cells (workspace_id, kind, a, currency, b, orders, net, offset_ms)
SELECT workspace_id, k.kind, CASE k.kind WHEN 2 THEN p ELSE d END, currency, CASE k.kind WHEN 0 THEN p ELSE n END,
       COUNT(*), SUM(net), SUM(placed_at - d * 86400000)
FROM (SELECT workspace_id, currency, placed_at, net,
             (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
             CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
             CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
      FROM order_links) l
CROSS JOIN (VALUES (0), (1), (2)) AS k(kind)
GROUP BY 1, 2, 3, 4, 5;

-- A scope (a trait value, a segment) reads the links of the period in time order instead of the cells.
CREATE INDEX order_links_period ON order_links (workspace_id, placed_at, currency) INCLUDE (prev_at, next_at, net, profile_id);

-- Statement triggers, as for customer_purchases: each customer and currency a statement touched has its links
-- written again once, after all of its rows.
CREATE FUNCTION order_links_added() RETURNS trigger AS $$
BEGIN
    PERFORM order_links_recount(array_agg(workspace_id), array_agg(profile_id), array_agg(currency))
    FROM (SELECT DISTINCT workspace_id, profile_id, COALESCE(currency, '') AS currency FROM added_rows
          WHERE status IN ('completed', 'partially_refunded')) k
    HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION order_links_changed() RETURNS trigger AS $$
BEGIN
    PERFORM order_links_recount(array_agg(workspace_id), array_agg(profile_id), array_agg(currency))
    FROM (SELECT o.workspace_id, o.profile_id, COALESCE(o.currency, '') AS currency
          FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.order_id = o.order_id
          WHERE (o.status IN ('completed', 'partially_refunded') OR n.status IN ('completed', 'partially_refunded'))
            AND (o.status <> n.status OR o.profile_id <> n.profile_id OR o.placed_at <> n.placed_at
                 OR o.currency IS DISTINCT FROM n.currency OR o.total <> n.total OR o.refunded_amount <> n.refunded_amount)
          UNION
          SELECT n.workspace_id, n.profile_id, COALESCE(n.currency, '')
          FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.order_id = o.order_id
          WHERE (o.status IN ('completed', 'partially_refunded') OR n.status IN ('completed', 'partially_refunded'))
            AND (o.status <> n.status OR o.profile_id <> n.profile_id OR o.placed_at <> n.placed_at
                 OR o.currency IS DISTINCT FROM n.currency OR o.total <> n.total OR o.refunded_amount <> n.refunded_amount)) k
    HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION order_links_deleted() RETURNS trigger AS $$
BEGIN
    PERFORM order_links_recount(array_agg(workspace_id), array_agg(profile_id), array_agg(currency))
    FROM (SELECT DISTINCT workspace_id, profile_id, COALESCE(currency, '') AS currency FROM old_rows
          WHERE status IN ('completed', 'partially_refunded')) k
    HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER order_links_added AFTER INSERT ON orders REFERENCING NEW TABLE AS added_rows
    FOR EACH STATEMENT EXECUTE FUNCTION order_links_added();
CREATE TRIGGER order_links_changed AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION order_links_changed();
CREATE TRIGGER order_links_deleted AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION order_links_deleted();
