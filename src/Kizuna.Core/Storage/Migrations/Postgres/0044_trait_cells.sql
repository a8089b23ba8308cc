-- Slices by trait (revenue, orders and customers per country, gender, age) without reading the period's orders.
-- Kept from order_links (0039) and profile_traits (0041): each open order counts for the value its customer holds of
-- every sliced trait, or for "no value" (known = 0, value '') when the customer holds none.
--
-- slice_traits: the traits kept; a slice by any other trait reads the orders.
CREATE TABLE slice_traits (
    name  text NOT NULL PRIMARY KEY
);

INSERT INTO slice_traits (name) VALUES ('country'), ('gender'), ('age');

-- trait_cells: per trait value, currency and UTC day a of the orders (floored, as Epoch.Day counts them): with
-- g = -1 the orders and their net; with g >= 0 the orders whose customer's previous open order in the currency was
-- g days before (g <= 366). In a period [F, L] a customer's orders after their first in it are exactly those with
-- a <= L and a - g >= F, so customers = orders - Σ of g in [0, a - F] over the days a of the period: at most
-- (L - F + 1)² / 2 rows per value, whatever the orders, for a period of up to 367 days.
CREATE TABLE trait_cells (
    workspace_id  bigint        NOT NULL,
    name          text          NOT NULL,
    currency      text          NOT NULL,
    a             bigint        NOT NULL,
    g             bigint        NOT NULL,
    known         smallint      NOT NULL,
    value         text          NOT NULL,
    orders        bigint        NOT NULL,
    net           numeric(28,4) NOT NULL,   -- on g = -1 only
    PRIMARY KEY (workspace_id, name, currency, a, g, known, value)
);

-- A link's trait values are looked up by customer.
CREATE INDEX profile_traits_profile ON profile_traits (workspace_id, profile_id, name, value);

-- The cells of the given links (signed: +1 added, −1 removed) for every sliced trait, with the value each link's
-- customer holds now, summed per cell and added to the stored cells.
CREATE FUNCTION trait_cells_add(ws bigint[], profiles bigint[], currencies text[], placed bigint[], prev bigint[], nets numeric[], signs int[]) RETURNS void AS $$
    INSERT INTO trait_cells AS c (workspace_id, name, currency, a, g, known, value, orders, net)
    SELECT l.workspace_id, n.name, l.currency, l.d, CASE k.k WHEN 0 THEN -1 ELSE l.d - l.p END,
           CASE WHEN t.value IS NULL THEN 0 ELSE 1 END, COALESCE(t.value, ''), SUM(l.sign), SUM(CASE k.k WHEN 0 THEN l.sign * l.net ELSE 0 END)
    FROM (SELECT workspace_id, profile_id, currency, net, sign,
                 (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p
          FROM unnest(ws, profiles, currencies, placed, prev, nets, signs) AS u(workspace_id, profile_id, currency, placed_at, prev_at, net, sign)) l
    CROSS JOIN slice_traits n
    CROSS JOIN (VALUES (0), (1)) AS k(k)
    LEFT JOIN profile_traits t ON t.workspace_id = l.workspace_id AND t.profile_id = l.profile_id AND t.name = n.name
    WHERE k.k = 0 OR l.d - l.p <= 366
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (workspace_id, name, currency, a, g, known, value) DO UPDATE
        SET orders = c.orders + excluded.orders, net = c.net + excluded.net;
$$ LANGUAGE sql;

INSERT INTO trait_cells (workspace_id, name, currency, a, g, known, value, orders, net)
SELECT l.workspace_id, n.name, l.currency, l.d, CASE k.k WHEN 0 THEN -1 ELSE l.d - l.p END,
       CASE WHEN t.value IS NULL THEN 0 ELSE 1 END, COALESCE(t.value, ''), COUNT(*), SUM(CASE k.k WHEN 0 THEN l.net ELSE 0 END)
FROM (SELECT workspace_id, profile_id, currency, net,
             (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
             (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p
      FROM order_links) l
CROSS JOIN slice_traits n
CROSS JOIN (VALUES (0), (1)) AS k(k)
LEFT JOIN profile_traits t ON t.workspace_id = l.workspace_id AND t.profile_id = l.profile_id AND t.name = n.name
WHERE k.k = 0 OR l.d - l.p <= 366
GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Statement triggers: the links a statement added or removed (order_links_recount writes a customer's links by
-- deleting and inserting them), and the trait pairs a statement added or removed, which move a customer's links
-- between "no value" and the value.
CREATE FUNCTION trait_cells_links_added() RETURNS trigger AS $$
BEGIN
    PERFORM trait_cells_add(array_agg(workspace_id), array_agg(profile_id), array_agg(currency), array_agg(placed_at), array_agg(prev_at),
                            array_agg(net), array_agg(1))
    FROM added_links HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION trait_cells_links_removed() RETURNS trigger AS $$
BEGIN
    PERFORM trait_cells_add(array_agg(workspace_id), array_agg(profile_id), array_agg(currency), array_agg(placed_at), array_agg(prev_at),
                            array_agg(net), array_agg(-1))
    FROM removed_links HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION trait_cells_links_changed() RETURNS trigger AS $$
BEGIN
    PERFORM trait_cells_add(array_agg(workspace_id), array_agg(profile_id), array_agg(currency), array_agg(placed_at), array_agg(prev_at),
                            array_agg(net), array_agg(sign))
    FROM (SELECT workspace_id, profile_id, currency, placed_at, prev_at, net, -1 AS sign FROM removed_links
          UNION ALL
          SELECT workspace_id, profile_id, currency, placed_at, prev_at, net, 1 FROM added_links) l
    HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Moves the links of the given customers between "no value" and the given value of a sliced trait: sign +1 for a
-- pair a customer gained, −1 for one they lost.
CREATE FUNCTION trait_cells_move(ws bigint[], profiles bigint[], names text[], trait_values text[], signs int[]) RETURNS void AS $$
    INSERT INTO trait_cells AS c (workspace_id, name, currency, a, g, known, value, orders, net)
    SELECT l.workspace_id, m.name, l.currency, l.d, CASE k.k WHEN 0 THEN -1 ELSE l.d - l.p END,
           s.known, CASE s.known WHEN 1 THEN m.value ELSE '' END,
           SUM(s.sign * m.sign), SUM(CASE k.k WHEN 0 THEN s.sign * m.sign * l.net ELSE 0 END)
    FROM unnest(ws, profiles, names, trait_values, signs) AS m(workspace_id, profile_id, name, value, sign)
    JOIN slice_traits n ON n.name = m.name
    JOIN LATERAL (SELECT workspace_id, currency, net,
                         (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                         (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS p
                  FROM order_links WHERE workspace_id = m.workspace_id AND profile_id = m.profile_id) l ON true
    CROSS JOIN (VALUES (0), (1)) AS k(k)
    CROSS JOIN (VALUES (0, -1), (1, 1)) AS s(known, sign)
    WHERE k.k = 0 OR l.d - l.p <= 366
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (workspace_id, name, currency, a, g, known, value) DO UPDATE
        SET orders = c.orders + excluded.orders, net = c.net + excluded.net;
$$ LANGUAGE sql;

CREATE FUNCTION trait_cells_traits_added() RETURNS trigger AS $$
BEGIN
    PERFORM trait_cells_move(array_agg(workspace_id), array_agg(profile_id), array_agg(name), array_agg(value), array_agg(1))
    FROM added_traits WHERE name IN (SELECT name FROM slice_traits) HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION trait_cells_traits_removed() RETURNS trigger AS $$
BEGIN
    PERFORM trait_cells_move(array_agg(workspace_id), array_agg(profile_id), array_agg(name), array_agg(value), array_agg(-1))
    FROM removed_traits WHERE name IN (SELECT name FROM slice_traits) HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER trait_cells_links_added AFTER INSERT ON order_links REFERENCING NEW TABLE AS added_links
    FOR EACH STATEMENT EXECUTE FUNCTION trait_cells_links_added();
CREATE TRIGGER trait_cells_links_removed AFTER DELETE ON order_links REFERENCING OLD TABLE AS removed_links
    FOR EACH STATEMENT EXECUTE FUNCTION trait_cells_links_removed();
CREATE TRIGGER trait_cells_links_changed AFTER UPDATE ON order_links REFERENCING OLD TABLE AS removed_links NEW TABLE AS added_links
    FOR EACH STATEMENT EXECUTE FUNCTION trait_cells_links_changed();
CREATE TRIGGER trait_cells_traits_added AFTER INSERT ON profile_traits REFERENCING NEW TABLE AS added_traits
    FOR EACH STATEMENT EXECUTE FUNCTION trait_cells_traits_added();
CREATE TRIGGER trait_cells_traits_removed AFTER DELETE ON profile_traits REFERENCING OLD TABLE AS removed_traits
    FOR EACH STATEMENT EXECUTE FUNCTION trait_cells_traits_removed();
