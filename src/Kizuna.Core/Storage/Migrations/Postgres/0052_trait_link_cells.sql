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
    workspace_id  bigint        NOT NULL,
    name          text          NOT NULL,
    value         text          NOT NULL,
    kind          smallint      NOT NULL,
    a             bigint        NOT NULL,
    currency      text          NOT NULL,
    b             bigint        NOT NULL,
    orders        bigint        NOT NULL,
    net           numeric(28,4) NOT NULL,
    offset_ms     bigint        NOT NULL,
    PRIMARY KEY (workspace_id, name, value, kind, a, currency, b)
);

INSERT INTO trait_link_cells (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
SELECT l.workspace_id, t.name, t.value, k.kind, CASE k.kind WHEN 2 THEN l.p ELSE l.d END, l.currency, CASE k.kind WHEN 0 THEN l.p ELSE l.n END,
       COUNT(*), SUM(l.net), SUM(l.placed_at - l.d * 86400000)
FROM profile_traits t
JOIN (SELECT workspace_id, profile_id, currency, placed_at, net,
             (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
             CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
             CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
      FROM order_links) l ON l.workspace_id = t.workspace_id AND l.profile_id = t.profile_id
CROSS JOIN (VALUES (0), (1), (2)) AS k(kind)
WHERE t.name IN (SELECT name FROM slice_traits)
GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- The three cells of each given link (signed: +1 added, −1 removed) for every sliced trait value its customer holds
-- now, summed per cell and added to the stored cells.
CREATE FUNCTION trait_link_cells_add(ws bigint[], profiles bigint[], currencies text[], placed bigint[], prev bigint[], next bigint[], nets numeric[], signs int[]) RETURNS void AS $$
    INSERT INTO trait_link_cells AS c (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
    SELECT l.workspace_id, t.name, t.value, k.kind, CASE k.kind WHEN 2 THEN l.p ELSE l.d END, l.currency, CASE k.kind WHEN 0 THEN l.p ELSE l.n END,
           SUM(l.sign), SUM(l.sign * l.net), SUM(l.sign * (l.placed_at - l.d * 86400000))
    FROM (SELECT workspace_id, profile_id, currency, placed_at, net, sign,
                 (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                 CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                 CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
          FROM unnest(ws, profiles, currencies, placed, prev, next, nets, signs) AS u(workspace_id, profile_id, currency, placed_at, prev_at, next_at, net, sign)) l
    JOIN profile_traits t ON t.workspace_id = l.workspace_id AND t.profile_id = l.profile_id AND t.name IN (SELECT name FROM slice_traits)
    CROSS JOIN (VALUES (0), (1), (2)) AS k(kind)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (workspace_id, name, value, kind, a, currency, b) DO UPDATE
        SET orders = c.orders + excluded.orders, net = c.net + excluded.net, offset_ms = c.offset_ms + excluded.offset_ms;
$$ LANGUAGE sql;

-- Statement triggers, as for trait_cells: the links a statement added or removed (order_links_recount writes a
-- customer's links by deleting and inserting them), and the trait pairs a statement added or removed.
CREATE FUNCTION trait_link_cells_links_added() RETURNS trigger AS $$
BEGIN
    PERFORM trait_link_cells_add(array_agg(workspace_id), array_agg(profile_id), array_agg(currency), array_agg(placed_at), array_agg(prev_at),
                                 array_agg(next_at), array_agg(net), array_agg(1))
    FROM added_links HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION trait_link_cells_links_removed() RETURNS trigger AS $$
BEGIN
    PERFORM trait_link_cells_add(array_agg(workspace_id), array_agg(profile_id), array_agg(currency), array_agg(placed_at), array_agg(prev_at),
                                 array_agg(next_at), array_agg(net), array_agg(-1))
    FROM removed_links HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION trait_link_cells_links_changed() RETURNS trigger AS $$
BEGIN
    PERFORM trait_link_cells_add(array_agg(workspace_id), array_agg(profile_id), array_agg(currency), array_agg(placed_at), array_agg(prev_at),
                                 array_agg(next_at), array_agg(net), array_agg(sign))
    FROM (SELECT workspace_id, profile_id, currency, placed_at, prev_at, next_at, net, -1 AS sign FROM removed_links
          UNION ALL
          SELECT workspace_id, profile_id, currency, placed_at, prev_at, next_at, net, 1 FROM added_links) l
    HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Counts the links of the given customers for (+1) or no longer for (−1) the given value of a sliced trait.
CREATE FUNCTION trait_link_cells_move(ws bigint[], profiles bigint[], names text[], trait_values text[], signs int[]) RETURNS void AS $$
    INSERT INTO trait_link_cells AS c (workspace_id, name, value, kind, a, currency, b, orders, net, offset_ms)
    SELECT l.workspace_id, m.name, m.value, k.kind, CASE k.kind WHEN 2 THEN l.p ELSE l.d END, l.currency, CASE k.kind WHEN 0 THEN l.p ELSE l.n END,
           SUM(m.sign), SUM(m.sign * l.net), SUM(m.sign * (l.placed_at - l.d * 86400000))
    FROM unnest(ws, profiles, names, trait_values, signs) AS m(workspace_id, profile_id, name, value, sign)
    JOIN slice_traits n ON n.name = m.name
    JOIN LATERAL (SELECT workspace_id, currency, placed_at, net,
                         (placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000 AS d,
                         CASE WHEN prev_at IS NULL THEN -1000000000 ELSE (prev_at - CASE WHEN prev_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS p,
                         CASE WHEN next_at IS NULL THEN 1000000000 ELSE (next_at - CASE WHEN next_at < 0 THEN 86399999 ELSE 0 END) / 86400000 END AS n
                  FROM order_links WHERE workspace_id = m.workspace_id AND profile_id = m.profile_id) l ON true
    CROSS JOIN (VALUES (0), (1), (2)) AS k(kind)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (workspace_id, name, value, kind, a, currency, b) DO UPDATE
        SET orders = c.orders + excluded.orders, net = c.net + excluded.net, offset_ms = c.offset_ms + excluded.offset_ms;
$$ LANGUAGE sql;

CREATE FUNCTION trait_link_cells_traits_added() RETURNS trigger AS $$
BEGIN
    PERFORM trait_link_cells_move(array_agg(workspace_id), array_agg(profile_id), array_agg(name), array_agg(value), array_agg(1))
    FROM added_traits WHERE name IN (SELECT name FROM slice_traits) HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION trait_link_cells_traits_removed() RETURNS trigger AS $$
BEGIN
    PERFORM trait_link_cells_move(array_agg(workspace_id), array_agg(profile_id), array_agg(name), array_agg(value), array_agg(-1))
    FROM removed_traits WHERE name IN (SELECT name FROM slice_traits) HAVING COUNT(*) > 0;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER trait_link_cells_links_added AFTER INSERT ON order_links REFERENCING NEW TABLE AS added_links
    FOR EACH STATEMENT EXECUTE FUNCTION trait_link_cells_links_added();
CREATE TRIGGER trait_link_cells_links_removed AFTER DELETE ON order_links REFERENCING OLD TABLE AS removed_links
    FOR EACH STATEMENT EXECUTE FUNCTION trait_link_cells_links_removed();
CREATE TRIGGER trait_link_cells_links_changed AFTER UPDATE ON order_links REFERENCING OLD TABLE AS removed_links NEW TABLE AS added_links
    FOR EACH STATEMENT EXECUTE FUNCTION trait_link_cells_links_changed();
CREATE TRIGGER trait_link_cells_traits_added AFTER INSERT ON profile_traits REFERENCING NEW TABLE AS added_traits
    FOR EACH STATEMENT EXECUTE FUNCTION trait_link_cells_traits_added();
CREATE TRIGGER trait_link_cells_traits_removed AFTER DELETE ON profile_traits REFERENCING OLD TABLE AS removed_traits
    FOR EACH STATEMENT EXECUTE FUNCTION trait_link_cells_traits_removed();
