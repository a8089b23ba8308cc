-- The commerce figures of a sliced trait's value (country = Japan), and so members of it against the rest, without
-- reading the value's links of the period: order_link_cells (0039) kept per value of each sliced trait
-- (slice_traits, 0044). Kept from order_links and profile_traits (0041): each open order counts for the value its
-- customer holds now of every sliced trait; a customer who holds none counts nowhere (a scope names a value).
--
-- trait_link_cells: per trait value, the links counted per pair of UTC days as order_link_cells counts them: kind 0
-- (a = the order's day, b = its previous order's day), kind 1 (the order's day, its next order's day), kind 2 (the
-- previous order's day, the next order's day); no previous order is day -1000000000, no next order 1000000000.
-- The previous and next orders are the customer's whatever their value, as the links hold them.
CREATE TABLE trait_link_cells (
    workspace_id  INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    kind          INTEGER NOT NULL,
    a             INTEGER NOT NULL,
    currency      TEXT    NOT NULL,
    b             INTEGER NOT NULL,
    orders        INTEGER NOT NULL,
    net           INTEGER NOT NULL,   -- ten-thousandths
    offset_ms     INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, name, value, kind, a, currency, b)
) WITHOUT ROWID;

-- One pass per kind: each sorts a third of the rows the three would.
INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
SELECT l.workspace_id, t.name, t.value, 0, l.d, l.currency, l.p, COUNT(*), SUM(l.net), SUM(l.placed_at - l.d * 86400000)
FROM profile_traits t
CROSS JOIN (SELECT workspace_id, profile_id, currency, placed_at, net,
                   (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                   CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p
            FROM order_links) l
WHERE t.name IN (SELECT name FROM slice_traits) AND l.workspace_id = t.workspace_id AND l.profile_id = t.profile_id
GROUP BY 1, 2, 3, 5, 6, 7;

INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
SELECT l.workspace_id, t.name, t.value, 1, l.d, l.currency, l.n, COUNT(*), SUM(l.net), SUM(l.placed_at - l.d * 86400000)
FROM profile_traits t
CROSS JOIN (SELECT workspace_id, profile_id, currency, placed_at, net,
                   (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                   CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
            FROM order_links) l
WHERE t.name IN (SELECT name FROM slice_traits) AND l.workspace_id = t.workspace_id AND l.profile_id = t.profile_id
GROUP BY 1, 2, 3, 5, 6, 7;

INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
SELECT l.workspace_id, t.name, t.value, 2, l.p, l.currency, l.n, COUNT(*), SUM(l.net), SUM(l.placed_at - l.d * 86400000)
FROM profile_traits t
CROSS JOIN (SELECT workspace_id, profile_id, currency, placed_at, net,
                   (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                   CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                   CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
            FROM order_links) l
WHERE t.name IN (SELECT name FROM slice_traits) AND l.workspace_id = t.workspace_id AND l.profile_id = t.profile_id
GROUP BY 1, 2, 3, 5, 6, 7;

-- A link added or removed counts once per kind for each sliced trait value its customer holds (looked up by
-- customer in profile_traits_profile of 0044, the customer's row first so no Bloom filter is built over all of
-- profile_traits).
CREATE TRIGGER trait_link_cells_link_added AFTER INSERT ON order_links
BEGIN
    INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
    SELECT NEW.workspace_id, t.name, t.value, k.kind, CASE k.kind WHEN 2 THEN x.p ELSE x.d END, NEW.currency, CASE k.kind WHEN 0 THEN x.p ELSE x.n END,
           1, NEW.net, NEW.placed_at - x.d * 86400000
    FROM (SELECT (NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN NEW.prev_at IS NULL THEN -1000000000 ELSE (NEW.prev_at - CASE WHEN NEW.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN NEW.next_at IS NULL THEN 1000000000 ELSE (NEW.next_at - CASE WHEN NEW.next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n) x
    CROSS JOIN profile_traits t
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    WHERE t.workspace_id = NEW.workspace_id AND t.profile_id = NEW.profile_id AND t.name IN (SELECT name FROM slice_traits)
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
END;

CREATE TRIGGER trait_link_cells_link_removed AFTER DELETE ON order_links
BEGIN
    INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
    SELECT OLD.workspace_id, t.name, t.value, k.kind, CASE k.kind WHEN 2 THEN x.p ELSE x.d END, OLD.currency, CASE k.kind WHEN 0 THEN x.p ELSE x.n END,
           -1, -OLD.net, x.d * 86400000 - OLD.placed_at
    FROM (SELECT (OLD.placed_at - CASE WHEN OLD.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN OLD.prev_at IS NULL THEN -1000000000 ELSE (OLD.prev_at - CASE WHEN OLD.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN OLD.next_at IS NULL THEN 1000000000 ELSE (OLD.next_at - CASE WHEN OLD.next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n) x
    CROSS JOIN profile_traits t
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    WHERE t.workspace_id = OLD.workspace_id AND t.profile_id = OLD.profile_id AND t.name IN (SELECT name FROM slice_traits)
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
END;

-- A link's neighbours or net change in place: only the kinds whose day pair or net changed move (an order appended
-- after the customer's latest changes the latest's next day, kinds 1 and 2, not its kind 0).
CREATE TRIGGER trait_link_cells_link_changed AFTER UPDATE OF prev_at, next_at, net ON order_links
WHEN OLD.prev_at IS NOT NEW.prev_at OR OLD.next_at IS NOT NEW.next_at OR OLD.net <> NEW.net
BEGIN
    INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
    SELECT OLD.workspace_id, t.name, t.value, k.kind,
           CASE k.kind WHEN 2 THEN CASE s.sign WHEN 1 THEN y.np ELSE y.op END ELSE y.d END, OLD.currency,
           CASE k.kind WHEN 0 THEN CASE s.sign WHEN 1 THEN y.np ELSE y.op END ELSE CASE s.sign WHEN 1 THEN y.nn ELSE y.onx END END,
           s.sign, CASE s.sign WHEN 1 THEN NEW.net ELSE -OLD.net END, s.sign * (OLD.placed_at - y.d * 86400000)
    FROM (SELECT (OLD.placed_at - CASE WHEN OLD.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN OLD.prev_at IS NULL THEN -1000000000 ELSE (OLD.prev_at - CASE WHEN OLD.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS op,
                 CASE WHEN OLD.next_at IS NULL THEN 1000000000 ELSE (OLD.next_at - CASE WHEN OLD.next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS onx,
                 CASE WHEN NEW.prev_at IS NULL THEN -1000000000 ELSE (NEW.prev_at - CASE WHEN NEW.prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS np,
                 CASE WHEN NEW.next_at IS NULL THEN 1000000000 ELSE (NEW.next_at - CASE WHEN NEW.next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS nn) y
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    CROSS JOIN (SELECT -1 AS sign UNION ALL SELECT 1) s
    CROSS JOIN profile_traits t
    WHERE (OLD.net <> NEW.net OR (k.kind = 0 AND y.op <> y.np) OR (k.kind = 1 AND y.onx <> y.nn) OR (k.kind = 2 AND (y.op <> y.np OR y.onx <> y.nn)))
      AND t.workspace_id = OLD.workspace_id AND t.profile_id = OLD.profile_id AND t.name IN (SELECT name FROM slice_traits)
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
END;

-- A customer who gains a sliced trait's value has their links counted for it; one who loses it, no longer. (A
-- changed value is a pair removed and a pair added.)
CREATE TRIGGER trait_link_cells_trait_added AFTER INSERT ON profile_traits
WHEN NEW.name IN (SELECT name FROM slice_traits)
BEGIN
    INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
    SELECT l.workspace_id, NEW.name, NEW.value, k.kind, CASE k.kind WHEN 2 THEN l.p ELSE l.d END, l.currency, CASE k.kind WHEN 0 THEN l.p ELSE l.n END,
           COUNT(*), SUM(l.net), SUM(l.placed_at - l.d * 86400000)
    FROM (SELECT workspace_id, currency, placed_at, net,
                 (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
          FROM order_links WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id) l
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
END;

CREATE TRIGGER trait_link_cells_trait_removed AFTER DELETE ON profile_traits
WHEN OLD.name IN (SELECT name FROM slice_traits)
BEGIN
    INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
    SELECT l.workspace_id, OLD.name, OLD.value, k.kind, CASE k.kind WHEN 2 THEN l.p ELSE l.d END, l.currency, CASE k.kind WHEN 0 THEN l.p ELSE l.n END,
           -COUNT(*), -SUM(l.net), -SUM(l.placed_at - l.d * 86400000)
    FROM (SELECT workspace_id, currency, placed_at, net,
                 (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
          FROM order_links WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id) l
    CROSS JOIN (SELECT 0 AS kind UNION ALL SELECT 1 UNION ALL SELECT 2) k
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, offset_ms = offset_ms + excluded.offset_ms;
END;
