-- Slices by trait (revenue, orders and customers per country, gender, age) without reading the period's orders.
-- Kept from order_links (0039) and profile_traits (0041): each open order counts for the value its customer holds of
-- every sliced trait, or for "no value" (known = 0, value '') when the customer holds none.
--
-- slice_traits: the traits kept; a slice by any other trait reads the orders.
CREATE TABLE slice_traits (
    name  TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

INSERT INTO slice_traits (name) VALUES ('country'), ('gender'), ('age');

-- trait_cells: per trait value, currency and UTC day a of the orders (floored, as Epoch.Day counts them): with
-- g = -1 the orders and their net; with g >= 0 the orders whose customer's previous open order in the currency was
-- g days before (g <= 366). In a period [F, L] a customer's orders after their first in it are exactly those with
-- a <= L and a - g >= F, so customers = orders - Σ of g in [0, a - F] over the days a of the period: at most
-- (L - F + 1)² / 2 rows per value, whatever the orders, for a period of up to 367 days.
CREATE TABLE trait_cells (
    workspace_id  INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    currency      TEXT    NOT NULL,
    a             INTEGER NOT NULL,
    g             INTEGER NOT NULL,
    known         INTEGER NOT NULL,
    value         TEXT    NOT NULL,
    orders        INTEGER NOT NULL,
    net           INTEGER NOT NULL,   -- ten-thousandths; on g = -1 only
    PRIMARY KEY (workspace_id, name, currency, a, g, known, value)
) WITHOUT ROWID;

-- A link's trait values are looked up by customer.
CREATE INDEX profile_traits_profile ON profile_traits (workspace_id, profile_id, name, value);

INSERT INTO trait_cells (workspace_id, name, currency, a, g, known, value, orders, net)
SELECT l.workspace_id, n.name, l.currency, l.d, CASE k.k WHEN 0 THEN -1 ELSE l.d - l.p END,
       t.value IS NOT NULL, COALESCE(t.value, ''), COUNT(*), SUM(CASE k.k WHEN 0 THEN l.net ELSE 0 END)
FROM (SELECT workspace_id, profile_id, currency, net,
             (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
             (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p
      FROM order_links) l
CROSS JOIN slice_traits n
CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
LEFT JOIN profile_traits t ON t.workspace_id = l.workspace_id AND t.profile_id = l.profile_id AND t.name = n.name
WHERE k.k = 0 OR l.d - l.p <= 366
GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- A link added or removed counts once for each sliced trait; a link whose previous order or net changes moves. The
-- customer's value is looked up by a subquery: joined, SQLite may build a Bloom filter over all of profile_traits
-- for the one row (a scan of every profile's traits on each order).
CREATE TRIGGER trait_cells_link_added AFTER INSERT ON order_links
BEGIN
    INSERT INTO trait_cells (workspace_id, name, currency, a, g, known, value, orders, net)
    SELECT NEW.workspace_id, t.name, NEW.currency, x.d, CASE k.k WHEN 0 THEN -1 ELSE x.d - x.p END,
           t.value IS NOT NULL, COALESCE(t.value, ''), 1, CASE k.k WHEN 0 THEN NEW.net ELSE 0 END
    FROM (SELECT (NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 (NEW.prev_at - CASE WHEN NEW.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p) x
    CROSS JOIN (SELECT n.name, (SELECT t.value FROM profile_traits t WHERE t.workspace_id = NEW.workspace_id AND t.profile_id = NEW.profile_id AND t.name = n.name) AS value
                FROM slice_traits n) t
    CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
    WHERE k.k = 0 OR x.d - x.p <= 366
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net;
END;

CREATE TRIGGER trait_cells_link_removed AFTER DELETE ON order_links
BEGIN
    INSERT INTO trait_cells (workspace_id, name, currency, a, g, known, value, orders, net)
    SELECT OLD.workspace_id, t.name, OLD.currency, x.d, CASE k.k WHEN 0 THEN -1 ELSE x.d - x.p END,
           t.value IS NOT NULL, COALESCE(t.value, ''), -1, CASE k.k WHEN 0 THEN -OLD.net ELSE 0 END
    FROM (SELECT (OLD.placed_at - CASE WHEN OLD.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 (OLD.prev_at - CASE WHEN OLD.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p) x
    CROSS JOIN (SELECT n.name, (SELECT t.value FROM profile_traits t WHERE t.workspace_id = OLD.workspace_id AND t.profile_id = OLD.profile_id AND t.name = n.name) AS value
                FROM slice_traits n) t
    CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
    WHERE k.k = 0 OR x.d - x.p <= 366
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net;
END;

CREATE TRIGGER trait_cells_link_changed AFTER UPDATE OF prev_at, net ON order_links
WHEN OLD.prev_at IS NOT NEW.prev_at OR OLD.net <> NEW.net
BEGIN
    INSERT INTO trait_cells (workspace_id, name, currency, a, g, known, value, orders, net)
    SELECT OLD.workspace_id, t.name, OLD.currency, x.d, CASE k.k WHEN 0 THEN -1 ELSE x.d - x.p END,
           t.value IS NOT NULL, COALESCE(t.value, ''), -1, CASE k.k WHEN 0 THEN -OLD.net ELSE 0 END
    FROM (SELECT (OLD.placed_at - CASE WHEN OLD.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 (OLD.prev_at - CASE WHEN OLD.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p) x
    CROSS JOIN (SELECT n.name, (SELECT t.value FROM profile_traits t WHERE t.workspace_id = OLD.workspace_id AND t.profile_id = OLD.profile_id AND t.name = n.name) AS value
                FROM slice_traits n) t
    CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
    WHERE k.k = 0 OR x.d - x.p <= 366
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net;
    INSERT INTO trait_cells (workspace_id, name, currency, a, g, known, value, orders, net)
    SELECT NEW.workspace_id, t.name, NEW.currency, x.d, CASE k.k WHEN 0 THEN -1 ELSE x.d - x.p END,
           t.value IS NOT NULL, COALESCE(t.value, ''), 1, CASE k.k WHEN 0 THEN NEW.net ELSE 0 END
    FROM (SELECT (NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 (NEW.prev_at - CASE WHEN NEW.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p) x
    CROSS JOIN (SELECT n.name, (SELECT t.value FROM profile_traits t WHERE t.workspace_id = NEW.workspace_id AND t.profile_id = NEW.profile_id AND t.name = n.name) AS value
                FROM slice_traits n) t
    CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
    WHERE k.k = 0 OR x.d - x.p <= 366
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net;
END;

-- A customer who gains a sliced trait's value has their links move from "no value" to it; one who loses it, back.
-- (A changed value is a pair removed and a pair added.)
CREATE TRIGGER trait_cells_trait_added AFTER INSERT ON profile_traits
WHEN NEW.name IN (SELECT name FROM slice_traits)
BEGIN
    INSERT INTO trait_cells (workspace_id, name, currency, a, g, known, value, orders, net)
    SELECT l.workspace_id, NEW.name, l.currency, l.d, CASE k.k WHEN 0 THEN -1 ELSE l.d - l.p END,
           s.known, CASE s.known WHEN 1 THEN NEW.value ELSE '' END, SUM(s.sign), SUM(CASE k.k WHEN 0 THEN s.sign * l.net ELSE 0 END)
    FROM (SELECT workspace_id, currency, net,
                 (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p
          FROM order_links WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id) l
    CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
    CROSS JOIN (SELECT 0 AS known, -1 AS sign UNION ALL SELECT 1, 1) s
    WHERE k.k = 0 OR l.d - l.p <= 366
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net;
END;

CREATE TRIGGER trait_cells_trait_removed AFTER DELETE ON profile_traits
WHEN OLD.name IN (SELECT name FROM slice_traits)
BEGIN
    INSERT INTO trait_cells (workspace_id, name, currency, a, g, known, value, orders, net)
    SELECT l.workspace_id, OLD.name, l.currency, l.d, CASE k.k WHEN 0 THEN -1 ELSE l.d - l.p END,
           s.known, CASE s.known WHEN 1 THEN OLD.value ELSE '' END, SUM(s.sign), SUM(CASE k.k WHEN 0 THEN s.sign * l.net ELSE 0 END)
    FROM (SELECT workspace_id, currency, net,
                 (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p
          FROM order_links WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id) l
    CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) k
    CROSS JOIN (SELECT 0 AS known, 1 AS sign UNION ALL SELECT 1, -1) s
    WHERE k.k = 0 OR l.d - l.p <= 366
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net;
END;
