-- product_days keeps a day as placed_at / 86400000 (truncated, so 1969-12-31 is day 0 with 1970-01-01); the recount
-- of 0023 read a customer's day from the orders placed from d × 86400000 on, which left out the orders before 1970
-- of days 0 and below. Counted again by the day as kept, and those days' rows written again.
CREATE OR REPLACE FUNCTION product_days_recount(ws bigint, profile bigint, cur text, d bigint) RETURNS void AS $$
    DELETE FROM product_days WHERE workspace_id = ws AND currency = cur AND day = d AND profile_id = profile;
    INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
    SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id,
           COUNT(DISTINCT o.order_id), SUM(ROUND(l.price * CAST(l.quantity AS numeric), 4)), SUM(l.quantity), MAX(l.name)
    FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
    WHERE o.status IN ('completed', 'partially_refunded') AND o.workspace_id = ws AND o.profile_id = profile
      AND COALESCE(o.currency, '') = cur AND o.placed_at > (d - 1) * 86400000 AND o.placed_at < (d + 1) * 86400000
      AND o.placed_at / 86400000 = d
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (workspace_id, currency, product_id, day, profile_id) DO UPDATE SET
        orders = excluded.orders, revenue = excluded.revenue, quantity = excluded.quantity, name = excluded.name;
$$ LANGUAGE sql;

DELETE FROM product_days WHERE day <= 0;
INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id,
       COUNT(DISTINCT o.order_id), SUM(ROUND(l.price * CAST(l.quantity AS numeric), 4)), SUM(l.quantity), MAX(l.name)
FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
WHERE o.status IN ('completed', 'partially_refunded') AND o.placed_at < 86400000
GROUP BY 1, 2, 3, 4, 5;

-- Revenue by product over the whole workspace without reading the period's rows of product_days (0023), one per
-- product, day and customer: distinct customers per product over a period are counted like those of trait_cells
-- (0044), by the days since the customer's previous day with the product.
--
-- product_cells: per currency, UTC day a (product_days.day) and product: with g = -1 the day's rows of product_days
-- added up (customers = rows, the open orders holding the product, the lines' value and quantity, the greatest
-- name); with g >= 0 the rows whose customer's previous day with the product (same currency) was g days before
-- (g <= 366). In a period [F, L] the rows whose previous day is in the period too are every row but each customer's
-- first, so customers = rows − Σ of g in [0, a − F] over the days a of the period: at most (L − F + 1)² / 2 + (L − F + 1)
-- rows per product, for a period of up to 367 days, whatever the customers. Rows may fall to 0 and stay.
CREATE TABLE product_cells (
    workspace_id  bigint           NOT NULL,
    currency      text             NOT NULL,
    a             bigint           NOT NULL,
    g             bigint           NOT NULL,
    product_id    text             NOT NULL,
    customers     bigint           NOT NULL,
    orders        bigint           NOT NULL,   -- on g = -1 only
    revenue       numeric(28,4)    NOT NULL,   -- on g = -1 only
    quantity      double precision NOT NULL,   -- on g = -1 only
    name          text,                        -- on g = -1 only
    PRIMARY KEY (workspace_id, currency, a, g, product_id)
);

-- A customer's previous and next day with a product. Customer before product, so it never offers the product order
-- a grouping by product reads the primary key in (a scope's or a long period's revenue by product).
CREATE INDEX product_days_customer ON product_days (workspace_id, currency, profile_id, product_id, day);

INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
SELECT workspace_id, currency, day, -1, product_id, COUNT(*), SUM(orders), SUM(revenue), SUM(quantity), MAX(name)
FROM product_days
GROUP BY workspace_id, currency, day, product_id;

INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
SELECT workspace_id, currency, day, day - p, product_id, COUNT(*), 0, 0, 0, NULL
FROM (SELECT workspace_id, currency, product_id, day,
             LAG(day) OVER (PARTITION BY workspace_id, currency, product_id, profile_id ORDER BY day) AS p
      FROM product_days) x
WHERE p IS NOT NULL AND day - p <= 366
GROUP BY workspace_id, currency, day, day - p, product_id;

-- Row triggers that run BEFORE each row is written, so a row's neighbours are the rows written before it (after a
-- statement that writes several rows of one customer, an AFTER row trigger would see all of them). A row added adds
-- to its day's totals, counts by the gap to the customer's previous day with the product and puts itself between
-- that day and the next; a removed row does the opposite. An insert that meets an existing row becomes an update
-- (ON CONFLICT), which the update trigger counts. The rows' keys never change (product_days' triggers delete and
-- insert), their values do as lines are added.
CREATE FUNCTION product_cells_added() RETURNS trigger AS $$
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
    INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
    SELECT NEW.workspace_id, NEW.currency, CASE k.k WHEN 0 THEN NEW.day ELSE x.n END,
           CASE k.k WHEN 0 THEN NEW.day - x.p WHEN 1 THEN x.n - NEW.day ELSE x.n - x.p END,
           NEW.product_id, CASE k.k WHEN 2 THEN -1 ELSE 1 END, 0, 0, 0, NULL
    FROM (SELECT (SELECT MAX(d.day) FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id AND d.profile_id = NEW.profile_id AND d.day < NEW.day) AS p,
                 (SELECT MIN(d.day) FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id AND d.profile_id = NEW.profile_id AND d.day > NEW.day) AS n) x
    CROSS JOIN (VALUES (0), (1), (2)) AS k(k)
    WHERE CASE k.k WHEN 0 THEN x.p IS NOT NULL AND NEW.day - x.p <= 366
                   WHEN 1 THEN x.n IS NOT NULL AND x.n - NEW.day <= 366
                   ELSE x.p IS NOT NULL AND x.n IS NOT NULL AND x.n - x.p <= 366 END
    ON CONFLICT (workspace_id, currency, a, g, product_id) DO UPDATE SET customers = product_cells.customers + excluded.customers;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION product_cells_removed() RETURNS trigger AS $$
BEGIN
    UPDATE product_cells SET customers = customers - 1, orders = orders - OLD.orders, revenue = revenue - OLD.revenue,
        quantity = quantity - OLD.quantity,
        name = CASE WHEN OLD.name IS NOT NULL AND OLD.name = name THEN (SELECT MAX(d.name) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.day = OLD.day AND d.profile_id <> OLD.profile_id) ELSE name END
    WHERE workspace_id = OLD.workspace_id AND currency = OLD.currency AND a = OLD.day AND g = -1 AND product_id = OLD.product_id;
    INSERT INTO product_cells (workspace_id, currency, a, g, product_id, customers, orders, revenue, quantity, name)
    SELECT OLD.workspace_id, OLD.currency, CASE k.k WHEN 0 THEN OLD.day ELSE x.n END,
           CASE k.k WHEN 0 THEN OLD.day - x.p WHEN 1 THEN x.n - OLD.day ELSE x.n - x.p END,
           OLD.product_id, CASE k.k WHEN 2 THEN 1 ELSE -1 END, 0, 0, 0, NULL
    FROM (SELECT (SELECT MAX(d.day) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.profile_id = OLD.profile_id AND d.day < OLD.day) AS p,
                 (SELECT MIN(d.day) FROM product_days d WHERE d.workspace_id = OLD.workspace_id AND d.currency = OLD.currency AND d.product_id = OLD.product_id AND d.profile_id = OLD.profile_id AND d.day > OLD.day) AS n) x
    CROSS JOIN (VALUES (0), (1), (2)) AS k(k)
    WHERE CASE k.k WHEN 0 THEN x.p IS NOT NULL AND OLD.day - x.p <= 366
                   WHEN 1 THEN x.n IS NOT NULL AND x.n - OLD.day <= 366
                   ELSE x.p IS NOT NULL AND x.n IS NOT NULL AND x.n - x.p <= 366 END
    ON CONFLICT (workspace_id, currency, a, g, product_id) DO UPDATE SET customers = product_cells.customers + excluded.customers;
    RETURN OLD;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION product_cells_changed() RETURNS trigger AS $$
BEGIN
    UPDATE product_cells SET orders = orders + NEW.orders - OLD.orders, revenue = revenue + NEW.revenue - OLD.revenue,
        quantity = quantity + NEW.quantity - OLD.quantity,
        name = CASE WHEN OLD.name IS DISTINCT FROM NEW.name
                    THEN (SELECT MAX(v) FROM (SELECT MAX(d.name) FROM product_days d WHERE d.workspace_id = NEW.workspace_id AND d.currency = NEW.currency AND d.product_id = NEW.product_id AND d.day = NEW.day AND d.profile_id <> NEW.profile_id UNION ALL SELECT NEW.name) AS m(v)) ELSE name END
    WHERE workspace_id = NEW.workspace_id AND currency = NEW.currency AND a = NEW.day AND g = -1 AND product_id = NEW.product_id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER product_cells_added BEFORE INSERT ON product_days FOR EACH ROW EXECUTE FUNCTION product_cells_added();
CREATE TRIGGER product_cells_removed BEFORE DELETE ON product_days FOR EACH ROW EXECUTE FUNCTION product_cells_removed();
CREATE TRIGGER product_cells_changed BEFORE UPDATE OF orders, revenue, quantity, name ON product_days FOR EACH ROW EXECUTE FUNCTION product_cells_changed();
