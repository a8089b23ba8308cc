-- Revenue by product reads a roll-up of the open orders' lines per currency, product, UTC day and customer instead
-- of joining every line of the period to its order and sorting them by product. Keyed by product first, so a long
-- period groups by product in index order; the second index serves short periods. '' stands for no currency and for
-- a line without a product. Triggers keep it: a new line of an open order adds to its row (its order counts once, at
-- the product's first line), and an order that stops or starts counting, moves to another customer (merge), changes
-- day or currency, or is deleted has its customer's day counted again from the orders, so every write path keeps it
-- exact.
CREATE TABLE product_days (
    workspace_id  bigint           NOT NULL,
    currency      text             NOT NULL,
    product_id    text             NOT NULL,
    day           bigint           NOT NULL,   -- placed_at / 86400000
    profile_id    bigint           NOT NULL,
    orders        bigint           NOT NULL,   -- open orders of the customer that day holding the product
    revenue       numeric(28,4)    NOT NULL,   -- Σ price × quantity of those lines
    quantity      double precision NOT NULL,
    name          text,                        -- the greatest name the lines gave the product
    PRIMARY KEY (workspace_id, currency, product_id, day, profile_id)
);
CREATE INDEX product_days_period ON product_days (workspace_id, currency, day, product_id, profile_id) INCLUDE (orders, revenue, quantity, name);

INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id,
       COUNT(DISTINCT o.order_id), SUM(ROUND(l.price * CAST(l.quantity AS numeric), 4)), SUM(l.quantity), MAX(l.name)
FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
WHERE o.status IN ('completed', 'partially_refunded')
GROUP BY 1, 2, 3, 4, 5;

-- Counts one customer's day in one currency again from the orders.
CREATE FUNCTION product_days_recount(ws bigint, profile bigint, cur text, d bigint) RETURNS void AS $$
    DELETE FROM product_days WHERE workspace_id = ws AND currency = cur AND day = d AND profile_id = profile;
    INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
    SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(l.product_id, ''), o.placed_at / 86400000, o.profile_id,
           COUNT(DISTINCT o.order_id), SUM(ROUND(l.price * CAST(l.quantity AS numeric), 4)), SUM(l.quantity), MAX(l.name)
    FROM orders o JOIN order_lines l ON l.workspace_id = o.workspace_id AND l.order_id = o.order_id
    WHERE o.status IN ('completed', 'partially_refunded') AND o.workspace_id = ws AND o.profile_id = profile
      AND COALESCE(o.currency, '') = cur AND o.placed_at >= d * 86400000 AND o.placed_at < (d + 1) * 86400000
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (workspace_id, currency, product_id, day, profile_id) DO UPDATE SET
        orders = excluded.orders, revenue = excluded.revenue, quantity = excluded.quantity, name = excluded.name;
$$ LANGUAGE sql;

-- A line's statement inserts every line of its orders before the row triggers run, so the order counts at the
-- product's first line (the lowest number) rather than at whichever line is inserted first.
CREATE FUNCTION product_days_line() RETURNS trigger AS $$
BEGIN
    INSERT INTO product_days (workspace_id, currency, product_id, day, profile_id, orders, revenue, quantity, name)
    SELECT o.workspace_id, COALESCE(o.currency, ''), COALESCE(NEW.product_id, ''), o.placed_at / 86400000, o.profile_id,
           CASE WHEN EXISTS (SELECT 1 FROM order_lines x WHERE x.workspace_id = NEW.workspace_id AND x.order_id = NEW.order_id
                             AND x.line_no < NEW.line_no AND COALESCE(x.product_id, '') = COALESCE(NEW.product_id, '')) THEN 0 ELSE 1 END,
           ROUND(NEW.price * CAST(NEW.quantity AS numeric), 4), NEW.quantity, NEW.name
    FROM orders o
    WHERE o.workspace_id = NEW.workspace_id AND o.order_id = NEW.order_id AND o.status IN ('completed', 'partially_refunded')
    ON CONFLICT (workspace_id, currency, product_id, day, profile_id) DO UPDATE SET
        orders = product_days.orders + excluded.orders, revenue = product_days.revenue + excluded.revenue,
        quantity = product_days.quantity + excluded.quantity,
        name = CASE WHEN product_days.name IS NULL OR excluded.name > product_days.name THEN excluded.name ELSE product_days.name END;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION product_days_order() RETURNS trigger AS $$
BEGIN
    PERFORM product_days_recount(OLD.workspace_id, OLD.profile_id, COALESCE(OLD.currency, ''), OLD.placed_at / 86400000);
    IF TG_OP = 'UPDATE' THEN
        PERFORM product_days_recount(NEW.workspace_id, NEW.profile_id, COALESCE(NEW.currency, ''), NEW.placed_at / 86400000);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER product_days_line AFTER INSERT ON order_lines FOR EACH ROW EXECUTE FUNCTION product_days_line();
CREATE TRIGGER product_days_order_changed AFTER UPDATE OF status, profile_id, placed_at, currency ON orders FOR EACH ROW
    WHEN ((OLD.status IN ('completed', 'partially_refunded')) <> (NEW.status IN ('completed', 'partially_refunded'))
          OR OLD.profile_id <> NEW.profile_id OR OLD.placed_at / 86400000 <> NEW.placed_at / 86400000
          OR OLD.currency IS DISTINCT FROM NEW.currency)
    EXECUTE FUNCTION product_days_order();
CREATE TRIGGER product_days_order_deleted AFTER DELETE ON orders FOR EACH ROW EXECUTE FUNCTION product_days_order();
