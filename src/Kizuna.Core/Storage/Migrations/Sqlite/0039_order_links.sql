-- Period roll-ups of the commerce figures. Distinct customers, repeat customers and the time between orders of a
-- period need every order of the period grouped by customer; kept per order instead, they become counts.
--
-- order_links: one row per open order (completed or partially refunded; what commerce counts), with the placed_at of
-- the customer's previous and next open order in the same currency ('' for none stated), ordered by (placed_at,
-- order_id); NULL when there is none. An order of the period whose previous order is before the period is the
-- customer's first in it, one whose next is after it the last.
CREATE TABLE order_links (
    workspace_id  INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    currency      TEXT    NOT NULL,
    placed_at     INTEGER NOT NULL,
    order_id      TEXT    NOT NULL,
    prev_at       INTEGER,
    next_at       INTEGER,
    net           INTEGER NOT NULL,   -- total − refunded_amount, ten-thousandths
    PRIMARY KEY (workspace_id, profile_id, currency, placed_at, order_id)
) WITHOUT ROWID;

-- order_link_cells: the links counted per pair of UTC days (floored, as Epoch.Day counts them), three pairs: kind 0
-- (a = the order's day, b = its previous order's day), kind 1 (the order's day, its next order's day), kind 2 (the
-- previous order's day, the next order's day). No previous order is day -1000000000, no next order 1000000000.
-- offset_ms sums placed_at minus the start of the order's day, so times add up without overflowing. Whatever the
-- number of orders, a period reads at most one row per day pair.
CREATE TABLE order_link_cells (
    workspace_id  INTEGER NOT NULL,
    kind          INTEGER NOT NULL,
    a             INTEGER NOT NULL,
    currency      TEXT    NOT NULL,
    b             INTEGER NOT NULL,
    orders        INTEGER NOT NULL,
    net           INTEGER NOT NULL,
    offset_ms     INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, kind, a, currency, b)
) WITHOUT ROWID;

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
CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
GROUP BY 1, 2, 3, 4, 5;

-- A scope (a trait value, a segment) reads the links of the period in time order instead of the cells.
CREATE INDEX order_links_period ON order_links (workspace_id, placed_at, currency, prev_at, next_at, net, profile_id);

CREATE TRIGGER order_link_cells_added AFTER INSERT ON order_links
BEGIN
    INSERT INTO order_link_cells (workspace_id, kind, a, currency, b, orders, net, offset_ms)
    SELECT NEW.workspace_id, k.kind, CASE k.kind WHEN 2 THEN x.p ELSE x.d END, NEW.currency, CASE k.kind WHEN 0 THEN x.p ELSE x.n END,
           1, NEW.net, NEW.placed_at - x.d * 86400000
    FROM (SELECT (NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN NEW.prev_at IS NULL THEN -1000000000 ELSE (NEW.prev_at - CASE WHEN NEW.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN NEW.next_at IS NULL THEN 1000000000 ELSE (NEW.next_at - CASE WHEN NEW.next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n) x
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    WHERE true
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
END;

CREATE TRIGGER order_link_cells_removed AFTER DELETE ON order_links
BEGIN
    INSERT INTO order_link_cells (workspace_id, kind, a, currency, b, orders, net, offset_ms)
    SELECT OLD.workspace_id, k.kind, CASE k.kind WHEN 2 THEN x.p ELSE x.d END, OLD.currency, CASE k.kind WHEN 0 THEN x.p ELSE x.n END,
           -1, -OLD.net, x.d * 86400000 - OLD.placed_at
    FROM (SELECT (OLD.placed_at - CASE WHEN OLD.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN OLD.prev_at IS NULL THEN -1000000000 ELSE (OLD.prev_at - CASE WHEN OLD.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN OLD.next_at IS NULL THEN 1000000000 ELSE (OLD.next_at - CASE WHEN OLD.next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n) x
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    WHERE true
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
END;

-- A link's neighbours or net change in place (its key never does: a moved order is removed and added again).
CREATE TRIGGER order_link_cells_changed AFTER UPDATE OF prev_at, next_at, net ON order_links
BEGIN
    INSERT INTO order_link_cells (workspace_id, kind, a, currency, b, orders, net, offset_ms)
    SELECT OLD.workspace_id, k.kind, CASE k.kind WHEN 2 THEN x.p ELSE x.d END, OLD.currency, CASE k.kind WHEN 0 THEN x.p ELSE x.n END,
           -1, -OLD.net, x.d * 86400000 - OLD.placed_at
    FROM (SELECT (OLD.placed_at - CASE WHEN OLD.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN OLD.prev_at IS NULL THEN -1000000000 ELSE (OLD.prev_at - CASE WHEN OLD.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN OLD.next_at IS NULL THEN 1000000000 ELSE (OLD.next_at - CASE WHEN OLD.next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n) x
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    WHERE true
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
    INSERT INTO order_link_cells (workspace_id, kind, a, currency, b, orders, net, offset_ms)
    SELECT NEW.workspace_id, k.kind, CASE k.kind WHEN 2 THEN x.p ELSE x.d END, NEW.currency, CASE k.kind WHEN 0 THEN x.p ELSE x.n END,
           1, NEW.net, NEW.placed_at - x.d * 86400000
    FROM (SELECT (NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN NEW.prev_at IS NULL THEN -1000000000 ELSE (NEW.prev_at - CASE WHEN NEW.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN NEW.next_at IS NULL THEN 1000000000 ELSE (NEW.next_at - CASE WHEN NEW.next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n) x
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    WHERE true
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
END;

-- A new open order placed after every other of its customer and currency (the usual case; at the same time, after
-- them in order id) becomes the next of the latest and gets it as its previous. Any other has the customer's links
-- in that currency written again from the orders (a row trigger sees the orders written before it). Two triggers
-- whose conditions exclude each other, so the usual case runs only its two statements.
CREATE TRIGGER order_links_added AFTER INSERT ON orders
WHEN NEW.status IN ('completed', 'partially_refunded')
  AND NOT EXISTS (SELECT 1 FROM order_links WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '')
                AND (placed_at > NEW.placed_at OR (placed_at = NEW.placed_at AND order_id > NEW.order_id)))
BEGIN
    UPDATE order_links SET next_at = NEW.placed_at
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '') AND next_at IS NULL;
    INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
    SELECT NEW.workspace_id, NEW.profile_id, COALESCE(NEW.currency, ''), NEW.placed_at, NEW.order_id,
           (SELECT MAX(placed_at) FROM order_links WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '')),
           NULL, NEW.total - NEW.refunded_amount;
END;

CREATE TRIGGER order_links_added_earlier AFTER INSERT ON orders
WHEN NEW.status IN ('completed', 'partially_refunded')
  AND EXISTS (SELECT 1 FROM order_links WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '')
                AND (placed_at > NEW.placed_at OR (placed_at = NEW.placed_at AND order_id > NEW.order_id)))
BEGIN
    DELETE FROM order_links WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '');
    INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
    SELECT workspace_id, profile_id, COALESCE(currency, ''), placed_at, order_id,
           LAG(placed_at) OVER w, LEAD(placed_at) OVER w, total - refunded_amount
    FROM orders
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND COALESCE(currency, '') = COALESCE(NEW.currency, '')
      AND status IN ('completed', 'partially_refunded')
    WINDOW w AS (ORDER BY placed_at, order_id);
END;

-- A refund that leaves the order open changes its net in place; a cancellation or a whole refund takes the order out
-- of its customer's chain (its previous and next order become each other's neighbours), as does deleting it. A
-- merge (the order moves to the survivor), an erasure (to the anonymous profile), a reopened order, a changed time
-- or currency writes the links of the customer and currency before the change, and after it, again from the orders.
CREATE TRIGGER order_links_changed AFTER UPDATE OF status, profile_id, placed_at, currency, total, refunded_amount ON orders
WHEN (OLD.status IN ('completed', 'partially_refunded') OR NEW.status IN ('completed', 'partially_refunded'))
  AND (OLD.status <> NEW.status OR OLD.profile_id <> NEW.profile_id OR OLD.placed_at <> NEW.placed_at OR OLD.currency IS NOT NEW.currency
       OR OLD.total <> NEW.total OR OLD.refunded_amount <> NEW.refunded_amount)
BEGIN
    UPDATE order_links SET net = NEW.total - NEW.refunded_amount
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '')
      AND placed_at = NEW.placed_at AND order_id = NEW.order_id
      AND OLD.status IN ('completed', 'partially_refunded') AND NEW.status IN ('completed', 'partially_refunded')
      AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency;
    UPDATE order_links SET next_at = (SELECT x.next_at FROM order_links x WHERE x.workspace_id = OLD.workspace_id AND x.profile_id = OLD.profile_id
                                          AND x.currency = COALESCE(OLD.currency, '') AND x.placed_at = OLD.placed_at AND x.order_id = OLD.order_id)
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND (placed_at, order_id) = (SELECT y.placed_at, y.order_id FROM order_links y
                                   WHERE y.workspace_id = OLD.workspace_id AND y.profile_id = OLD.profile_id AND y.currency = COALESCE(OLD.currency, '')
                                     AND (y.placed_at < OLD.placed_at OR (y.placed_at = OLD.placed_at AND y.order_id < OLD.order_id))
                                   ORDER BY y.placed_at DESC, y.order_id DESC LIMIT 1)
      AND (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency);
    UPDATE order_links SET prev_at = (SELECT x.prev_at FROM order_links x WHERE x.workspace_id = OLD.workspace_id AND x.profile_id = OLD.profile_id
                                          AND x.currency = COALESCE(OLD.currency, '') AND x.placed_at = OLD.placed_at AND x.order_id = OLD.order_id)
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND (placed_at, order_id) = (SELECT y.placed_at, y.order_id FROM order_links y
                                   WHERE y.workspace_id = OLD.workspace_id AND y.profile_id = OLD.profile_id AND y.currency = COALESCE(OLD.currency, '')
                                     AND (y.placed_at > OLD.placed_at OR (y.placed_at = OLD.placed_at AND y.order_id > OLD.order_id))
                                   ORDER BY y.placed_at, y.order_id LIMIT 1)
      AND (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency);
    DELETE FROM order_links
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND placed_at = OLD.placed_at AND order_id = OLD.order_id
      AND (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency);
    DELETE FROM order_links
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND NOT (OLD.status IN ('completed', 'partially_refunded') AND NEW.status IN ('completed', 'partially_refunded')
               AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency)
      AND NOT (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency);
    INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
    SELECT workspace_id, profile_id, COALESCE(currency, ''), placed_at, order_id,
           LAG(placed_at) OVER w, LEAD(placed_at) OVER w, total - refunded_amount
    FROM orders
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND COALESCE(currency, '') = COALESCE(OLD.currency, '')
      AND status IN ('completed', 'partially_refunded')
      AND NOT (OLD.status IN ('completed', 'partially_refunded') AND NEW.status IN ('completed', 'partially_refunded')
               AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency)
      AND NOT (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency)
    WINDOW w AS (ORDER BY placed_at, order_id);
    DELETE FROM order_links
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '')
      AND NOT (OLD.profile_id = NEW.profile_id AND COALESCE(OLD.currency, '') = COALESCE(NEW.currency, ''));
    INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
    SELECT workspace_id, profile_id, COALESCE(currency, ''), placed_at, order_id,
           LAG(placed_at) OVER w, LEAD(placed_at) OVER w, total - refunded_amount
    FROM orders
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND COALESCE(currency, '') = COALESCE(NEW.currency, '')
      AND status IN ('completed', 'partially_refunded')
      AND NOT (OLD.profile_id = NEW.profile_id AND COALESCE(OLD.currency, '') = COALESCE(NEW.currency, ''))
    WINDOW w AS (ORDER BY placed_at, order_id);
END;

CREATE TRIGGER order_links_deleted AFTER DELETE ON orders
WHEN OLD.status IN ('completed', 'partially_refunded')
BEGIN
    UPDATE order_links SET next_at = (SELECT x.next_at FROM order_links x WHERE x.workspace_id = OLD.workspace_id AND x.profile_id = OLD.profile_id
                                          AND x.currency = COALESCE(OLD.currency, '') AND x.placed_at = OLD.placed_at AND x.order_id = OLD.order_id)
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND (placed_at, order_id) = (SELECT y.placed_at, y.order_id FROM order_links y
                                   WHERE y.workspace_id = OLD.workspace_id AND y.profile_id = OLD.profile_id AND y.currency = COALESCE(OLD.currency, '')
                                     AND (y.placed_at < OLD.placed_at OR (y.placed_at = OLD.placed_at AND y.order_id < OLD.order_id))
                                   ORDER BY y.placed_at DESC, y.order_id DESC LIMIT 1);
    UPDATE order_links SET prev_at = (SELECT x.prev_at FROM order_links x WHERE x.workspace_id = OLD.workspace_id AND x.profile_id = OLD.profile_id
                                          AND x.currency = COALESCE(OLD.currency, '') AND x.placed_at = OLD.placed_at AND x.order_id = OLD.order_id)
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND (placed_at, order_id) = (SELECT y.placed_at, y.order_id FROM order_links y
                                   WHERE y.workspace_id = OLD.workspace_id AND y.profile_id = OLD.profile_id AND y.currency = COALESCE(OLD.currency, '')
                                     AND (y.placed_at > OLD.placed_at OR (y.placed_at = OLD.placed_at AND y.order_id > OLD.order_id))
                                   ORDER BY y.placed_at, y.order_id LIMIT 1);
    DELETE FROM order_links
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND placed_at = OLD.placed_at AND order_id = OLD.order_id;
END;
