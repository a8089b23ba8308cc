-- Revenue by product reads a roll-up of the open orders' lines per currency, product, UTC day and customer instead
-- of joining every line of the period to its order and sorting them by product (most of the time of a full
-- analytics refresh on a shop with 400,000 lines). Keyed by product first, so a long period groups by product in
-- index order; the second index serves short periods. '' stands for no currency and for a line without a product.
-- Triggers keep it: a new line of an open order adds to its row (its order counts once, at the product's first
-- line), and an order that stops or starts counting, moves to another customer (merge), changes day or currency,
-- or is deleted has its customer's day counted again from the orders, so every write path keeps it exact.
CREATE TABLE product_days (
    workspace_id  INTEGER NOT NULL,
    currency      TEXT    NOT NULL,
    product_id    TEXT    NOT NULL,
    day           INTEGER NOT NULL,   -- placed_at / 86400000
    profile_id    INTEGER NOT NULL,
    orders        INTEGER NOT NULL,   -- open orders of the customer that day holding the product
    revenue       INTEGER NOT NULL,   -- Σ price × quantity of those lines, ten-thousandths
    quantity      REAL    NOT NULL,
    name          TEXT,               -- the greatest name the lines gave the product
    PRIMARY KEY (workspace_id, currency, product_id, day, profile_id)
) WITHOUT ROWID;
CREATE INDEX product_days_period ON product_days (workspace_id, currency, day, product_id, profile_id, orders, revenue, quantity, name);

INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id,
       COUNT(DISTINCT o.order_id), SUM(CAST(ROUND(l.price * l.quantity) AS INTEGER)), SUM(l.quantity), MAX(l.name)
FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
WHERE o.status IN ('completed', 'partially_refunded')
GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER product_days_line AFTER INSERT ON order_lines
BEGIN
    INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
    SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(NEW.product_id, ''), o.placed_at / 86400000, o.profile_id,
           NOT EXISTS (SELECT 1 FROM order_lines x WHERE x.workspace_id = NEW.workspace_id AND x.order_id = NEW.order_id
                       AND x.line_no <> NEW.line_no AND COALESCE(x.product_id, '') = COALESCE(NEW.product_id, '')),
           CAST(ROUND(NEW.price * NEW.quantity) AS INTEGER), NEW.quantity, NEW.name
    FROM orders o
    WHERE o.workspace_id = NEW.workspace_id AND o.order_id = NEW.order_id AND o.status IN ('completed', 'partially_refunded')
    ON CONFLICT (workspace_id, currency, product_id, day, profile_id) DO UPDATE SET
        orders = orders + excluded.orders, revenue = revenue + excluded.revenue, quantity = quantity + excluded.quantity,
        name = CASE WHEN name IS NULL OR excluded.name > name THEN excluded.name ELSE name END;
END;

CREATE TRIGGER product_days_order_changed AFTER UPDATE OF status, profile_id, placed_at, currency ON orders
WHEN (OLD.status IN ('completed', 'partially_refunded')) <> (NEW.status IN ('completed', 'partially_refunded'))
  OR OLD.profile_id <> NEW.profile_id OR OLD.placed_at / 86400000 <> NEW.placed_at / 86400000 OR OLD.currency IS NOT NEW.currency
BEGIN
    DELETE FROM product_days WHERE workspace_id = OLD.workspace_id AND currency = COALESCE(OLD.currency, '')
        AND day = OLD.placed_at / 86400000 AND profile_id = OLD.profile_id;
    DELETE FROM product_days WHERE workspace_id = NEW.workspace_id AND currency = COALESCE(NEW.currency, '')
        AND day = NEW.placed_at / 86400000 AND profile_id = NEW.profile_id;
    INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
    SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id,
           COUNT(DISTINCT o.order_id), SUM(CAST(ROUND(l.price * l.quantity) AS INTEGER)), SUM(l.quantity), MAX(l.name)
    FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
    WHERE o.status IN ('completed', 'partially_refunded')
      AND ((o.workspace_id = OLD.workspace_id AND o.profile_id = OLD.profile_id AND COALESCE(o.currency, '') = COALESCE(OLD.currency, '')
            AND o.placed_at >= OLD.placed_at / 86400000 * 86400000 AND o.placed_at < (OLD.placed_at / 86400000 + 1) * 86400000)
        OR (o.workspace_id = NEW.workspace_id AND o.profile_id = NEW.profile_id AND COALESCE(o.currency, '') = COALESCE(NEW.currency, '')
            AND o.placed_at >= NEW.placed_at / 86400000 * 86400000 AND o.placed_at < (NEW.placed_at / 86400000 + 1) * 86400000))
    GROUP BY 1, 2, 3, 4, 5;
END;

CREATE TRIGGER product_days_order_deleted AFTER DELETE ON orders
BEGIN
    DELETE FROM product_days WHERE workspace_id = OLD.workspace_id AND currency = COALESCE(OLD.currency, '')
        AND day = OLD.placed_at / 86400000 AND profile_id = OLD.profile_id;
    INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
    SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id,
           COUNT(DISTINCT o.order_id), SUM(CAST(ROUND(l.price * l.quantity) AS INTEGER)), SUM(l.quantity), MAX(l.name)
    FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
    WHERE o.status IN ('completed', 'partially_refunded') AND o.workspace_id = OLD.workspace_id AND o.profile_id = OLD.profile_id
      AND COALESCE(o.currency, '') = COALESCE(OLD.currency, '')
      AND o.placed_at >= OLD.placed_at / 86400000 * 86400000 AND o.placed_at < (OLD.placed_at / 86400000 + 1) * 86400000
    GROUP BY 1, 2, 3, 4, 5;
END;
