-- What the scores refresh needs of each customer, kept as orders are written instead of read from every order at each
-- refresh (ten million orders take seconds to read; a million of these rows a fraction of one). Per workspace,
-- customer and currency ('' for orders that stated none), over the orders that count for scores: open (completed or
-- partly refunded) and worth more than nothing after refunds. A day is a UTC day, floored (placed_at before 1970
-- included), as Epoch.Day counts it.
CREATE TABLE customer_purchases (
    workspace_id   INTEGER NOT NULL,
    profile_id     INTEGER NOT NULL,
    currency       TEXT    NOT NULL,
    orders         INTEGER NOT NULL,   -- counted orders
    purchase_days  INTEGER NOT NULL,   -- distinct days with a counted order
    first_day      INTEGER NOT NULL,
    last_day       INTEGER NOT NULL,
    last_at        INTEGER NOT NULL,   -- placed_at of the latest counted order
    net            INTEGER NOT NULL,   -- Σ (total − refunded_amount), ten-thousandths
    first_day_net  INTEGER NOT NULL,   -- the part of net placed on first_day
    PRIMARY KEY (workspace_id, profile_id, currency)
) WITHOUT ROWID;

INSERT INTO customer_purchases (workspace_id, profile_id, currency, orders, purchase_days, first_day, last_day, last_at, net, first_day_net)
SELECT workspace_id, profile_id, cur, COUNT(*), COUNT(DISTINCT day), MIN(day), MAX(day), MAX(placed_at), SUM(net),
       SUM(CASE WHEN day = first THEN net ELSE 0 END)
FROM (SELECT workspace_id, profile_id, COALESCE(currency, '') AS cur, placed_at, total - refunded_amount AS net,
             (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS day,
             MIN((placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000)
                 OVER (PARTITION BY workspace_id, profile_id, COALESCE(currency, '')) AS first
      FROM orders WHERE status IN ('completed', 'partially_refunded') AND total > refunded_amount)
GROUP BY workspace_id, profile_id, cur;

-- A new order placed after the customer's latest one (the usual case) adds to the row; one placed before it, or the
-- customer's first, has the row counted again from the orders (a row trigger sees the orders written before it).
CREATE TRIGGER customer_purchases_added AFTER INSERT ON orders
WHEN (NEW.status IN ('completed', 'partially_refunded') AND NEW.total > NEW.refunded_amount)
BEGIN
    UPDATE customer_purchases SET
        orders = orders + 1,
        purchase_days = purchase_days + ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 > last_day),
        first_day_net = first_day_net + CASE WHEN (NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 = first_day THEN NEW.total - NEW.refunded_amount ELSE 0 END,
        net = net + NEW.total - NEW.refunded_amount,
        last_day = (NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000,
        last_at = NEW.placed_at
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '') AND last_at <= NEW.placed_at;
    DELETE FROM customer_purchases WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '') AND last_at > NEW.placed_at;
    INSERT INTO customer_purchases (workspace_id, profile_id, currency, orders, purchase_days, first_day, last_day, last_at, net, first_day_net)
    SELECT NEW.workspace_id, NEW.profile_id, COALESCE(NEW.currency, ''), n, days, first, last, last_at, net, first_net
    FROM (SELECT COUNT(*) AS n, COUNT(DISTINCT day) AS days, MIN(day) AS first, MAX(day) AS last, MAX(placed_at) AS last_at, SUM(net) AS net,
                 SUM(CASE WHEN day = first_of THEN net ELSE 0 END) AS first_net
          FROM (SELECT placed_at, total - refunded_amount AS net, (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS day, MIN((placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) OVER () AS first_of
                FROM orders WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND COALESCE(currency, '') = COALESCE(NEW.currency, '')
                    AND status IN ('completed', 'partially_refunded') AND total > refunded_amount))
    WHERE n > 0 AND NOT EXISTS (SELECT 1 FROM customer_purchases WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, ''));
END;

-- A cancellation, a refund, a merge (the order moves to the survivor), an erasure (to the anonymous profile) or a
-- changed day or currency counts the customer's row again from the orders, before and after the change.
CREATE TRIGGER customer_purchases_changed AFTER UPDATE OF status, profile_id, placed_at, currency, total, refunded_amount ON orders
WHEN ((OLD.status IN ('completed', 'partially_refunded') AND OLD.total > OLD.refunded_amount) OR (NEW.status IN ('completed', 'partially_refunded') AND NEW.total > NEW.refunded_amount))
  AND (OLD.status <> NEW.status OR OLD.profile_id <> NEW.profile_id OR OLD.placed_at <> NEW.placed_at OR OLD.currency IS NOT NEW.currency
       OR OLD.total <> NEW.total OR OLD.refunded_amount <> NEW.refunded_amount)
BEGIN
    DELETE FROM customer_purchases WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '');
    INSERT INTO customer_purchases (workspace_id, profile_id, currency, orders, purchase_days, first_day, last_day, last_at, net, first_day_net)
    SELECT OLD.workspace_id, OLD.profile_id, COALESCE(OLD.currency, ''), n, days, first, last, last_at, net, first_net
    FROM (SELECT COUNT(*) AS n, COUNT(DISTINCT day) AS days, MIN(day) AS first, MAX(day) AS last, MAX(placed_at) AS last_at, SUM(net) AS net,
                 SUM(CASE WHEN day = first_of THEN net ELSE 0 END) AS first_net
          FROM (SELECT placed_at, total - refunded_amount AS net, (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS day, MIN((placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) OVER () AS first_of
                FROM orders WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND COALESCE(currency, '') = COALESCE(OLD.currency, '')
                    AND status IN ('completed', 'partially_refunded') AND total > refunded_amount))
    WHERE n > 0;
    DELETE FROM customer_purchases WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '') AND NOT (OLD.workspace_id = NEW.workspace_id AND OLD.profile_id = NEW.profile_id AND COALESCE(OLD.currency, '') = COALESCE(NEW.currency, ''));
    INSERT INTO customer_purchases (workspace_id, profile_id, currency, orders, purchase_days, first_day, last_day, last_at, net, first_day_net)
    SELECT NEW.workspace_id, NEW.profile_id, COALESCE(NEW.currency, ''), n, days, first, last, last_at, net, first_net
    FROM (SELECT COUNT(*) AS n, COUNT(DISTINCT day) AS days, MIN(day) AS first, MAX(day) AS last, MAX(placed_at) AS last_at, SUM(net) AS net,
                 SUM(CASE WHEN day = first_of THEN net ELSE 0 END) AS first_net
          FROM (SELECT placed_at, total - refunded_amount AS net, (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS day, MIN((placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) OVER () AS first_of
                FROM orders WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND COALESCE(currency, '') = COALESCE(NEW.currency, '')
                    AND status IN ('completed', 'partially_refunded') AND total > refunded_amount))
    WHERE n > 0 AND NOT (OLD.workspace_id = NEW.workspace_id AND OLD.profile_id = NEW.profile_id AND COALESCE(OLD.currency, '') = COALESCE(NEW.currency, ''));
END;

CREATE TRIGGER customer_purchases_deleted AFTER DELETE ON orders
WHEN (OLD.status IN ('completed', 'partially_refunded') AND OLD.total > OLD.refunded_amount)
BEGIN
    DELETE FROM customer_purchases WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '');
    INSERT INTO customer_purchases (workspace_id, profile_id, currency, orders, purchase_days, first_day, last_day, last_at, net, first_day_net)
    SELECT OLD.workspace_id, OLD.profile_id, COALESCE(OLD.currency, ''), n, days, first, last, last_at, net, first_net
    FROM (SELECT COUNT(*) AS n, COUNT(DISTINCT day) AS days, MIN(day) AS first, MAX(day) AS last, MAX(placed_at) AS last_at, SUM(net) AS net,
                 SUM(CASE WHEN day = first_of THEN net ELSE 0 END) AS first_net
          FROM (SELECT placed_at, total - refunded_amount AS net, (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS day, MIN((placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) OVER () AS first_of
                FROM orders WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND COALESCE(currency, '') = COALESCE(OLD.currency, '')
                    AND status IN ('completed', 'partially_refunded') AND total > refunded_amount))
    WHERE n > 0;
END;
