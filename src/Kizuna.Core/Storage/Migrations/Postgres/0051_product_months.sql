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
CREATE FUNCTION product_month(d bigint) RETURNS bigint AS $$
    SELECT CAST(CAST(date_trunc('month', CAST(DATE '1970-01-01' + CAST(d AS integer) AS timestamp)) AS date) - DATE '1970-01-01' AS bigint);
$$ LANGUAGE sql IMMUTABLE;

-- The days of the month day d falls in.
CREATE FUNCTION product_month_days(d bigint) RETURNS bigint AS $$
    SELECT CAST(CAST(date_trunc('month', CAST(DATE '1970-01-01' + CAST(d AS integer) AS timestamp)) + interval '1 month' AS date)
              - CAST(date_trunc('month', CAST(DATE '1970-01-01' + CAST(d AS integer) AS timestamp)) AS date) AS bigint);
$$ LANGUAGE sql IMMUTABLE;

CREATE TABLE product_months (
    workspace_id  bigint           NOT NULL,
    currency      text             NOT NULL,
    m             bigint           NOT NULL,
    h             bigint           NOT NULL,
    product_id    text             NOT NULL,
    customers     bigint           NOT NULL,
    orders        bigint           NOT NULL,   -- on h = -1 only
    revenue       numeric(28,4)    NOT NULL,   -- on h = -1 only
    quantity      double precision NOT NULL,   -- on h = -1 only
    name          text,                        -- on h = -1 only
    PRIMARY KEY (workspace_id, currency, m, h, product_id)
);

INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
SELECT workspace_id, currency, product_month(day), -1, product_id,
       COUNT(DISTINCT profile_id), SUM(orders), SUM(revenue), SUM(quantity), MAX(name)
FROM product_days
GROUP BY 1, 2, 3, 5;

INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
SELECT workspace_id, currency, m, m - p, product_id, COUNT(*), 0, 0, 0, NULL
FROM (SELECT workspace_id, currency, product_id, product_month(day) AS m,
             LAG(day) OVER (PARTITION BY workspace_id, currency, product_id, profile_id ORDER BY day) AS p
      FROM product_days) x
WHERE p < m
GROUP BY workspace_id, currency, m, m - p, product_id;

-- The days at a long period's end are counted by gaps as long as the period: product_cells keeps every gap now.
INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
SELECT workspace_id, currency, day, day - p, product_id, COUNT(*), 0, 0, 0, NULL
FROM (SELECT workspace_id, currency, product_id, day,
             LAG(day) OVER (PARTITION BY workspace_id, currency, product_id, profile_id ORDER BY day) AS p
      FROM product_days) x
WHERE day - p > 366
GROUP BY workspace_id, currency, day, day - p, product_id;

-- A row added to product_days (day d between the customer's previous day p and next day n with the product, same
-- currency) is one row more with gap d − p, and n's gap changes from n − p to n − d; a removed row the opposite. The
-- events (a, q, ±1) — a row of day a whose previous day is q — are, for a row added, (d, p, +1), (n, d, +1) and
-- (n, p, −1). Each counts in product_cells by its gap (when q exists) and in the month M(a) of product_months when q
-- is before M(a) or none: a customer of the month, with h = M(a) − q when q exists. BEFORE row triggers, as in 0050.
CREATE OR REPLACE FUNCTION product_cells_added() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id
               AND d.day = NEW.day AND d.profile_id = NEW.profile_id) THEN
        RETURN NEW;
    END IF;
    INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
    VALUES (NEW.workspace_id, NEW.currency, NEW.day, -1, NEW.product_id, 1, NEW.orders, NEW.revenue, NEW.quantity, NEW.name)
    ON CONFLICT (workspace_id, currency, a, g, product_id) DO UPDATE SET customers = product_cells.customers + 1,
        orders = product_cells.orders + excluded.orders, revenue = product_cells.revenue + excluded.revenue,
        quantity = product_cells.quantity + excluded.quantity,
        name = CASE WHEN product_cells.name IS NULL OR excluded.name > product_cells.name THEN excluded.name ELSE product_cells.name END;
    INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
    VALUES (NEW.workspace_id, NEW.currency, product_month(NEW.day), -1, NEW.product_id, 0, NEW.orders, NEW.revenue, NEW.quantity, NEW.name)
    ON CONFLICT (workspace_id, currency, m, h, product_id) DO UPDATE SET
        orders = product_months.orders + excluded.orders, revenue = product_months.revenue + excluded.revenue,
        quantity = product_months.quantity + excluded.quantity,
        name = CASE WHEN product_months.name IS NULL OR excluded.name > product_months.name THEN excluded.name ELSE product_months.name END;
    INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
    SELECT NEW.workspace_id, NEW.currency, e.a, e.a - e.q, NEW.product_id, e.delta, 0, 0, 0, NULL
    FROM (SELECT k.k, CASE k.k WHEN 0 THEN NEW.day ELSE x.n END AS a, CASE k.k WHEN 1 THEN NEW.day ELSE x.p END AS q,
                 CASE k.k WHEN 2 THEN -1 ELSE 1 END AS delta
          FROM (SELECT (SELECT MAX(d.day) FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id AND d.profile_id = NEW.profile_id AND d.day < NEW.day) AS p,
                       (SELECT MIN(d.day) FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id AND d.profile_id = NEW.profile_id AND d.day > NEW.day) AS n) x
          CROSS JOIN (VALUES (0), (1), (2)) AS k(k)
          WHERE k.k = 0 OR x.n IS NOT NULL) e
    WHERE e.q IS NOT NULL
    ON CONFLICT (workspace_id, currency, a, g, product_id) DO UPDATE SET customers = product_cells.customers + excluded.customers;
    INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
    SELECT NEW.workspace_id, NEW.currency, e.m, CASE t.t WHEN 0 THEN -1 ELSE e.m - e.q END, NEW.product_id, SUM(e.delta), 0, 0, 0, NULL
    FROM (SELECT e.*, product_month(e.a) AS m FROM (SELECT k.k, CASE k.k WHEN 0 THEN NEW.day ELSE x.n END AS a, CASE k.k WHEN 1 THEN NEW.day ELSE x.p END AS q,
                 CASE k.k WHEN 2 THEN -1 ELSE 1 END AS delta
          FROM (SELECT (SELECT MAX(d.day) FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id AND d.profile_id = NEW.profile_id AND d.day < NEW.day) AS p,
                       (SELECT MIN(d.day) FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id AND d.profile_id = NEW.profile_id AND d.day > NEW.day) AS n) x
          CROSS JOIN (VALUES (0), (1), (2)) AS k(k)
          WHERE k.k = 0 OR x.n IS NOT NULL) e) e
    CROSS JOIN (VALUES (0), (1)) AS t(t)
    WHERE (e.q IS NULL OR e.q < e.m) AND (t.t = 0 OR e.q IS NOT NULL)
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (workspace_id, currency, m, h, product_id) DO UPDATE SET customers = product_months.customers + excluded.customers;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION product_cells_removed() RETURNS trigger AS $$
BEGIN
    UPDATE product_cells SET customers = customers - 1, orders = orders - OLD.orders, revenue = revenue - OLD.revenue,
        quantity = quantity - OLD.quantity,
        name = CASE WHEN OLD.name IS NOT NULL AND OLD.name = name THEN (SELECT MAX(d.name) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.day = OLD.day AND d.profile_id <> OLD.profile_id) ELSE name END
    WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND a = OLD.day AND g = -1 AND product_id = OLD.product_id;
    UPDATE product_months SET orders = orders - OLD.orders, revenue = revenue - OLD.revenue, quantity = quantity - OLD.quantity,
        name = CASE WHEN OLD.name IS NOT NULL AND OLD.name = name THEN (SELECT MAX(d.name) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.day >= product_month(OLD.day) AND d.day < product_month(OLD.day) + product_month_days(OLD.day) AND (d.day <> OLD.day OR d.profile_id <> OLD.profile_id)) ELSE name END
    WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND m = product_month(OLD.day) AND h = -1 AND product_id = OLD.product_id;
    INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
    SELECT OLD.workspace_id, OLD.currency, e.a, e.a - e.q, OLD.product_id, e.delta, 0, 0, 0, NULL
    FROM (SELECT k.k, CASE k.k WHEN 0 THEN OLD.day ELSE x.n END AS a, CASE k.k WHEN 1 THEN OLD.day ELSE x.p END AS q,
                 CASE k.k WHEN 2 THEN 1 ELSE -1 END AS delta
          FROM (SELECT (SELECT MAX(d.day) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.profile_id = OLD.profile_id AND d.day < OLD.day) AS p,
                       (SELECT MIN(d.day) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.profile_id = OLD.profile_id AND d.day > OLD.day) AS n) x
          CROSS JOIN (VALUES (0), (1), (2)) AS k(k)
          WHERE k.k = 0 OR x.n IS NOT NULL) e
    WHERE e.q IS NOT NULL
    ON CONFLICT (workspace_id, currency, a, g, product_id) DO UPDATE SET customers = product_cells.customers + excluded.customers;
    INSERT INTO product_months (workspace_id, currency, m, h, product_id, customers, orders, revenue, quantity, name)
    SELECT OLD.workspace_id, OLD.currency, e.m, CASE t.t WHEN 0 THEN -1 ELSE e.m - e.q END, OLD.product_id, SUM(e.delta), 0, 0, 0, NULL
    FROM (SELECT e.*, product_month(e.a) AS m FROM (SELECT k.k, CASE k.k WHEN 0 THEN OLD.day ELSE x.n END AS a, CASE k.k WHEN 1 THEN OLD.day ELSE x.p END AS q,
                 CASE k.k WHEN 2 THEN 1 ELSE -1 END AS delta
          FROM (SELECT (SELECT MAX(d.day) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.profile_id = OLD.profile_id AND d.day < OLD.day) AS p,
                       (SELECT MIN(d.day) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.profile_id = OLD.profile_id AND d.day > OLD.day) AS n) x
          CROSS JOIN (VALUES (0), (1), (2)) AS k(k)
          WHERE k.k = 0 OR x.n IS NOT NULL) e) e
    CROSS JOIN (VALUES (0), (1)) AS t(t)
    WHERE (e.q IS NULL OR e.q < e.m) AND (t.t = 0 OR e.q IS NOT NULL)
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (workspace_id, currency, m, h, product_id) DO UPDATE SET customers = product_months.customers + excluded.customers;
    RETURN OLD;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION product_months_changed() RETURNS trigger AS $$
BEGIN
    UPDATE product_months SET orders = orders + NEW.orders - OLD.orders, revenue = revenue + NEW.revenue - OLD.revenue,
        quantity = quantity + NEW.quantity - OLD.quantity,
        name = CASE WHEN OLD.name IS DISTINCT FROM NEW.name
                    THEN (SELECT MAX(v) FROM (SELECT MAX(d.name) FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id AND d.day >= product_month(NEW.day) AND d.day < product_month(NEW.day) + product_month_days(NEW.day) AND (d.day <> NEW.day OR d.profile_id <> NEW.profile_id) UNION ALL SELECT NEW.name) AS m(v)) ELSE name END
    WHERE workspace_id = NEW.workspace_id AND currency = NEW.currency AND m = product_month(NEW.day) AND h = -1 AND product_id = NEW.product_id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER product_months_changed BEFORE UPDATE OF orders, revenue, quantity, name ON product_days FOR EACH ROW EXECUTE FUNCTION product_months_changed();
