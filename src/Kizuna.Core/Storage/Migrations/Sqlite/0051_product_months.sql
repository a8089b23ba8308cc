-- Revenue by product over periods of any length from roll-ups: the whole months of the period from product_months,
-- the days at its edges from product_cells (0050). A month's rows of product_days are counted by the customer's
-- previous day with the product like a day's, so distinct customers over a period of months and days are still
-- every customer's first row in the period (docs/analytics.md, Slices).
--
-- product_months: per currency, calendar month m (the day number of its first day) and product: with h = -1 the
-- month's rows of product_days added up (customers = the customers who bought the product that month, the open
-- orders holding it, the lines' value and quantity, the greatest name); with h >= 1 the customers whose previous
-- day with the product (same currency) before the month was h days before its first day. In a period [F, L] a
-- whole month's customers whose previous day is in the period too are those with h in [1, m − F], so a period's
-- whole months read at most (h = -1) + the distinct previous days per product and month, whatever the customers.
CREATE TABLE product_months (
    workspace_id  INTEGER NOT NULL,
    currency      TEXT    NOT NULL,
    m             INTEGER NOT NULL,
    h             INTEGER NOT NULL,
    product_id    TEXT    NOT NULL,
    customers     INTEGER NOT NULL,
    orders        INTEGER NOT NULL,   -- on h = -1 only
    revenue       INTEGER NOT NULL,   -- ten-thousandths; on h = -1 only
    quantity      REAL    NOT NULL,   -- on h = -1 only
    name          TEXT,               -- on h = -1 only
    PRIMARY KEY (workspace_id, currency, m, h, product_id)
) WITHOUT ROWID;

INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
SELECT workspace_id, currency, CAST(strftime('%s', day * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400, -1, product_id,
       COUNT(DISTINCT profile_id), SUM(orders), SUM(revenue), SUM(quantity), MAX(name)
FROM product_days
GROUP BY 1, 2, 3, 5;

INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
SELECT workspace_id, currency, m, m - p, product_id, COUNT(*), 0, 0, 0, NULL
FROM (SELECT workspace_id, currency, product_id, CAST(strftime('%s', day * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400 AS m,
             LAG(day) OVER (PARTITION BY workspace_id, currency, product_id, profile_id ORDER BY day) AS p
      FROM product_days)
WHERE p < m
GROUP BY workspace_id, currency, m, m - p, product_id;

-- A period of many months is read in product order, so its rows are added up per product without sorting them:
-- the months' totals, and apart from them the customers counted by gap, of which only the number is read.
CREATE INDEX product_months_totals ON product_months (workspace_id, currency, product_id, m, customers, orders, revenue, quantity, name) WHERE h = -1;
CREATE INDEX product_months_gaps ON product_months (workspace_id, currency, product_id, m, h, customers) WHERE h >= 1;

-- The days at a long period's end are counted by gaps as long as the period: product_cells keeps every gap now.
INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
SELECT workspace_id, currency, day, day - p, product_id, COUNT(*), 0, 0, 0, NULL
FROM (SELECT workspace_id, currency, product_id, day,
             LAG(day) OVER (PARTITION BY workspace_id, currency, product_id, profile_id ORDER BY day) AS p
      FROM product_days)
WHERE day - p > 366
GROUP BY workspace_id, currency, day, day - p, product_id;

-- A row added to product_days (day d between the customer's previous day p and next day n with the product, same
-- currency) is one row more with gap d − p, and n's gap changes from n − p to n − d; a removed row the opposite. The
-- events (a, q, ±1) — a row of day a whose previous day is q — are, for a row added, (d, p, +1), (n, d, +1) and
-- (n, p, −1). Each counts in product_cells by its gap (when q exists) and in the month M(a) of product_months when q
-- is before M(a) or none: a customer of the month, with h = M(a) − q when q exists. (No WITH in a trigger, so the
-- events' subquery is written twice.)
DROP TRIGGER product_cells_added;
CREATE TRIGGER product_cells_added AFTER INSERT ON product_days
BEGIN
    INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
    VALUES (NEW.workspace_id, NEW.currency, NEW.day, -1, NEW.product_id, 1, NEW.orders, NEW.revenue, NEW.quantity, NEW.name)
    ON CONFLICT DO UPDATE SET customers = customers + 1, orders = orders + excluded.orders, revenue = revenue + excluded.revenue,
        quantity = quantity + excluded.quantity, name = CASE WHEN name IS NULL OR excluded.name > name THEN excluded.name ELSE name END;
    INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
    VALUES (NEW.workspace_id, NEW.currency, CAST(strftime('%s', (NEW.day) * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400, -1, NEW.product_id, 0, NEW.orders, NEW.revenue, NEW.quantity, NEW.name)
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, revenue = revenue + excluded.revenue,
        quantity = quantity + excluded.quantity, name = CASE WHEN name IS NULL OR excluded.name > name THEN excluded.name ELSE name END;
    INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
    SELECT NEW.workspace_id, NEW.currency, e.a, e.a - e.q, NEW.product_id, e.delta, 0, 0, 0, NULL
    FROM (SELECT k.k, CASE k.k WHEN 0 THEN NEW.day ELSE x.n END AS a, CASE k.k WHEN 1 THEN NEW.day ELSE x.p END AS q,
                 CASE k.k WHEN 2 THEN -1 ELSE 1 END AS delta
          FROM (SELECT (SELECT MAX(day) FROM product_days WHERE workspace_id = NEW.workspace_id AND currency = NEW.currency AND product_id = NEW.product_id AND profile_id = NEW.profile_id AND day < NEW.day) AS p,
                       (SELECT MIN(day) FROM product_days WHERE workspace_id = NEW.workspace_id AND currency = NEW.currency AND product_id = NEW.product_id AND profile_id = NEW.profile_id AND day > NEW.day) AS n) x
          CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k
          WHERE k.k = 0 OR x.n IS NOT NULL) e
    WHERE e.q IS NOT NULL
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
    INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
    SELECT NEW.workspace_id, NEW.currency, e.m, CASE t.t WHEN 0 THEN -1 ELSE e.m - e.q END, NEW.product_id, e.delta, 0, 0, 0, NULL
    FROM (SELECT e.*, CAST(strftime('%s', (e.a) * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400 AS m FROM (SELECT k.k, CASE k.k WHEN 0 THEN NEW.day ELSE x.n END AS a, CASE k.k WHEN 1 THEN NEW.day ELSE x.p END AS q,
                 CASE k.k WHEN 2 THEN -1 ELSE 1 END AS delta
          FROM (SELECT (SELECT MAX(day) FROM product_days WHERE workspace_id = NEW.workspace_id AND currency = NEW.currency AND product_id = NEW.product_id AND profile_id = NEW.profile_id AND day < NEW.day) AS p,
                       (SELECT MIN(day) FROM product_days WHERE workspace_id = NEW.workspace_id AND currency = NEW.currency AND product_id = NEW.product_id AND profile_id = NEW.profile_id AND day > NEW.day) AS n) x
          CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k
          WHERE k.k = 0 OR x.n IS NOT NULL) e) e
    CROSS JOIN (SELECT 0 AS t UNION ALL SELECT 1) t
    WHERE (e.q IS NULL OR e.q < e.m) AND (t.t = 0 OR e.q IS NOT NULL)
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
END;

DROP TRIGGER product_cells_removed;
CREATE TRIGGER product_cells_removed AFTER DELETE ON product_days
BEGIN
    UPDATE product_cells SET customers = customers - 1, orders = orders - OLD.orders, revenue = revenue - OLD.revenue,
        quantity = quantity - OLD.quantity,
        name = CASE WHEN OLD.name IS NOT NULL AND OLD.name = name THEN (SELECT MAX(name) FROM product_days WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND product_id = OLD.product_id AND day = OLD.day) ELSE name END
    WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND a = OLD.day AND g = -1 AND product_id = OLD.product_id;
    UPDATE product_months SET orders = orders - OLD.orders, revenue = revenue - OLD.revenue, quantity = quantity - OLD.quantity,
        name = CASE WHEN OLD.name IS NOT NULL AND OLD.name = name THEN (SELECT MAX(name) FROM product_days WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND product_id = OLD.product_id AND day >= CAST(strftime('%s', (OLD.day) * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400 AND day < CAST(strftime('%s', OLD.day * 86400, 'unixepoch', 'start of month', '+1 month') AS INTEGER) / 86400) ELSE name END
    WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND m = CAST(strftime('%s', (OLD.day) * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400 AND h = -1 AND product_id = OLD.product_id;
    INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
    SELECT OLD.workspace_id, OLD.currency, e.a, e.a - e.q, OLD.product_id, e.delta, 0, 0, 0, NULL
    FROM (SELECT k.k, CASE k.k WHEN 0 THEN OLD.day ELSE x.n END AS a, CASE k.k WHEN 1 THEN OLD.day ELSE x.p END AS q,
                 CASE k.k WHEN 2 THEN 1 ELSE -1 END AS delta
          FROM (SELECT (SELECT MAX(day) FROM product_days WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND product_id = OLD.product_id AND profile_id = OLD.profile_id AND day < OLD.day) AS p,
                       (SELECT MIN(day) FROM product_days WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND product_id = OLD.product_id AND profile_id = OLD.profile_id AND day > OLD.day) AS n) x
          CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k
          WHERE k.k = 0 OR x.n IS NOT NULL) e
    WHERE e.q IS NOT NULL
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
    INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
    SELECT OLD.workspace_id, OLD.currency, e.m, CASE t.t WHEN 0 THEN -1 ELSE e.m - e.q END, OLD.product_id, e.delta, 0, 0, 0, NULL
    FROM (SELECT e.*, CAST(strftime('%s', (e.a) * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400 AS m FROM (SELECT k.k, CASE k.k WHEN 0 THEN OLD.day ELSE x.n END AS a, CASE k.k WHEN 1 THEN OLD.day ELSE x.p END AS q,
                 CASE k.k WHEN 2 THEN 1 ELSE -1 END AS delta
          FROM (SELECT (SELECT MAX(day) FROM product_days WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND product_id = OLD.product_id AND profile_id = OLD.profile_id AND day < OLD.day) AS p,
                       (SELECT MIN(day) FROM product_days WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND product_id = OLD.product_id AND profile_id = OLD.profile_id AND day > OLD.day) AS n) x
          CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k
          WHERE k.k = 0 OR x.n IS NOT NULL) e) e
    CROSS JOIN (SELECT 0 AS t UNION ALL SELECT 1) t
    WHERE (e.q IS NULL OR e.q < e.m) AND (t.t = 0 OR e.q IS NOT NULL)
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
END;

CREATE TRIGGER product_months_changed AFTER UPDATE OF orders, revenue, quantity, name ON product_days
BEGIN
    UPDATE product_months SET orders = orders + NEW.orders - OLD.orders, revenue = revenue + NEW.revenue - OLD.revenue,
        quantity = quantity + NEW.quantity - OLD.quantity,
        name = CASE WHEN OLD.name IS NOT NEW.name THEN (SELECT MAX(name) FROM product_days WHERE workspace_id = NEW.workspace_id AND currency = NEW.currency AND product_id = NEW.product_id AND day >= CAST(strftime('%s', (NEW.day) * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400 AND day < CAST(strftime('%s', NEW.day * 86400, 'unixepoch', 'start of month', '+1 month') AS INTEGER) / 86400) ELSE name END
    WHERE workspace_id = NEW.workspace_id AND currency = NEW.currency AND m = CAST(strftime('%s', (NEW.day) * 86400, 'unixepoch', 'start of month') AS INTEGER) / 86400 AND h = -1 AND product_id = NEW.product_id;
END;
