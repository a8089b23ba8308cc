-- Cohort retention kept as orders are written instead of read from every order at each read. A customer's cohort is
-- the month of their first open order (completed or partly refunded, any currency); a cohort of a period holds the
-- customers whose first order is in it, and its cell for a month counts those of them with an open order in that
-- month before the period's end. Months and days are UTC, a day floored (placed_at before 1970 included) as
-- Epoch.Day counts it, a month numbered year * 12 + month - 1.
--
-- cohort_months: per customer and month with an open order, the first day of one in it.
CREATE TABLE cohort_months (
    workspace_id  INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    month         INTEGER NOT NULL,
    day           INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, profile_id, month)
) WITHOUT ROWID;

-- cohort_cells: the customers counted per (first_day, day): first_day the day of their first open order, day the
-- first day of one in a month (first_day itself for the first month). A period [S, E] reads the cells with S <=
-- first_day <= E and day <= E, so a month that ends after the period counts only the customers who had come back by
-- its end; at most one row per pair of days whatever the customers (rows may fall to 0 and stay).
CREATE TABLE cohort_cells (
    workspace_id  INTEGER NOT NULL,
    first_day     INTEGER NOT NULL,
    day           INTEGER NOT NULL,
    customers     INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, first_day, day)
) WITHOUT ROWID;

INSERT INTO cohort_months (workspace_id, profile_id, month, day)
SELECT workspace_id, profile_id, (CAST(strftime('%Y', day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', day * 86400, 'unixepoch') AS INTEGER) - 1), MIN(day)
FROM (SELECT workspace_id, profile_id, ((placed_at - CASE WHEN placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) AS day FROM orders WHERE orders.status IN ('completed', 'partially_refunded'))
GROUP BY 1, 2, 3;

INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
SELECT workspace_id, first_day, day, COUNT(*)
FROM (SELECT workspace_id, day, MIN(day) OVER (PARTITION BY workspace_id, profile_id) AS first_day FROM cohort_months)
GROUP BY 1, 2, 3;

-- A new open order in a month after every other of its customer (the usual case) adds the month and one cell; one
-- later in a month the customer already has changes nothing; any other (the customer's first, an earlier month or
-- an earlier day of a month) has the customer's months and cells written again from the orders (a row trigger sees
-- the orders written before it). The conditions exclude each other, so the usual case runs only its own statements.
CREATE TRIGGER cohort_months_added AFTER INSERT ON orders
WHEN NEW.status IN ('completed', 'partially_refunded')
  AND EXISTS (SELECT 1 FROM cohort_months WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id)
  AND NOT EXISTS (SELECT 1 FROM cohort_months WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND month >= (CAST(strftime('%Y', ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) * 86400, 'unixepoch') AS INTEGER) - 1))
BEGIN
    INSERT INTO cohort_months (workspace_id, profile_id, month, day)
    VALUES (NEW.workspace_id, NEW.profile_id, (CAST(strftime('%Y', ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) * 86400, 'unixepoch') AS INTEGER) - 1), ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000));
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT NEW.workspace_id, MIN(day), ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000), 1 FROM cohort_months WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
END;

CREATE TRIGGER cohort_months_added_earlier AFTER INSERT ON orders
WHEN NEW.status IN ('completed', 'partially_refunded')
  AND (NOT EXISTS (SELECT 1 FROM cohort_months WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id)
       OR EXISTS (SELECT 1 FROM cohort_months WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND (month > (CAST(strftime('%Y', ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) * 86400, 'unixepoch') AS INTEGER) - 1) OR (month = (CAST(strftime('%Y', ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) * 86400, 'unixepoch') AS INTEGER) - 1) AND day > ((NEW.placed_at - CASE WHEN NEW.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000)))))
BEGIN
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT m.workspace_id, (SELECT MIN(f.day) FROM cohort_months f WHERE f.workspace_id = NEW.workspace_id AND f.profile_id = NEW.profile_id), m.day, -1
    FROM cohort_months m WHERE m.workspace_id = NEW.workspace_id AND m.profile_id = NEW.profile_id
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
    DELETE FROM cohort_months WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id;
    INSERT INTO cohort_months (workspace_id, profile_id, month, day)
    SELECT NEW.workspace_id, NEW.profile_id, (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1), MIN(x.day)
    FROM (SELECT ((o.placed_at - CASE WHEN o.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) AS day FROM orders o
          WHERE o.workspace_id = NEW.workspace_id AND o.profile_id = NEW.profile_id AND o.status IN ('completed', 'partially_refunded')) x
    WHERE true
    GROUP BY 3;
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT m.workspace_id, (SELECT MIN(f.day) FROM cohort_months f WHERE f.workspace_id = NEW.workspace_id AND f.profile_id = NEW.profile_id), m.day, 1
    FROM cohort_months m WHERE m.workspace_id = NEW.workspace_id AND m.profile_id = NEW.profile_id
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
END;

-- A cancellation or a whole refund, a reopened order, a merge (the order moves to the survivor), an erasure (to the
-- anonymous profile) or a changed time writes the customer's months and cells again, before and after the change.
CREATE TRIGGER cohort_months_changed AFTER UPDATE OF status, profile_id, placed_at ON orders
WHEN (OLD.status IN ('completed', 'partially_refunded') OR NEW.status IN ('completed', 'partially_refunded'))
  AND ((OLD.status IN ('completed', 'partially_refunded')) <> (NEW.status IN ('completed', 'partially_refunded')) OR OLD.profile_id <> NEW.profile_id OR OLD.placed_at <> NEW.placed_at)
BEGIN
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT m.workspace_id, (SELECT MIN(f.day) FROM cohort_months f WHERE f.workspace_id = OLD.workspace_id AND f.profile_id = OLD.profile_id), m.day, -1
    FROM cohort_months m WHERE m.workspace_id = OLD.workspace_id AND m.profile_id = OLD.profile_id
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
    DELETE FROM cohort_months WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id;
    INSERT INTO cohort_months (workspace_id, profile_id, month, day)
    SELECT OLD.workspace_id, OLD.profile_id, (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1), MIN(x.day)
    FROM (SELECT ((o.placed_at - CASE WHEN o.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) AS day FROM orders o
          WHERE o.workspace_id = OLD.workspace_id AND o.profile_id = OLD.profile_id AND o.status IN ('completed', 'partially_refunded')) x
    WHERE true
    GROUP BY 3;
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT m.workspace_id, (SELECT MIN(f.day) FROM cohort_months f WHERE f.workspace_id = OLD.workspace_id AND f.profile_id = OLD.profile_id), m.day, 1
    FROM cohort_months m WHERE m.workspace_id = OLD.workspace_id AND m.profile_id = OLD.profile_id
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT m.workspace_id, (SELECT MIN(f.day) FROM cohort_months f WHERE f.workspace_id = NEW.workspace_id AND f.profile_id = NEW.profile_id), m.day, -1
    FROM cohort_months m WHERE m.workspace_id = NEW.workspace_id AND m.profile_id = NEW.profile_id AND NOT (OLD.workspace_id = NEW.workspace_id AND OLD.profile_id = NEW.profile_id)
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
    DELETE FROM cohort_months WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND NOT (OLD.workspace_id = NEW.workspace_id AND OLD.profile_id = NEW.profile_id);
    INSERT INTO cohort_months (workspace_id, profile_id, month, day)
    SELECT NEW.workspace_id, NEW.profile_id, (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1), MIN(x.day)
    FROM (SELECT ((o.placed_at - CASE WHEN o.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) AS day FROM orders o
          WHERE o.workspace_id = NEW.workspace_id AND o.profile_id = NEW.profile_id AND o.status IN ('completed', 'partially_refunded')) x
    WHERE true AND NOT (OLD.workspace_id = NEW.workspace_id AND OLD.profile_id = NEW.profile_id)
    GROUP BY 3;
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT m.workspace_id, (SELECT MIN(f.day) FROM cohort_months f WHERE f.workspace_id = NEW.workspace_id AND f.profile_id = NEW.profile_id), m.day, 1
    FROM cohort_months m WHERE m.workspace_id = NEW.workspace_id AND m.profile_id = NEW.profile_id AND NOT (OLD.workspace_id = NEW.workspace_id AND OLD.profile_id = NEW.profile_id)
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
END;

CREATE TRIGGER cohort_months_deleted AFTER DELETE ON orders
WHEN OLD.status IN ('completed', 'partially_refunded')
BEGIN
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT m.workspace_id, (SELECT MIN(f.day) FROM cohort_months f WHERE f.workspace_id = OLD.workspace_id AND f.profile_id = OLD.profile_id), m.day, -1
    FROM cohort_months m WHERE m.workspace_id = OLD.workspace_id AND m.profile_id = OLD.profile_id
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
    DELETE FROM cohort_months WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id;
    INSERT INTO cohort_months (workspace_id, profile_id, month, day)
    SELECT OLD.workspace_id, OLD.profile_id, (CAST(strftime('%Y', x.day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', x.day * 86400, 'unixepoch') AS INTEGER) - 1), MIN(x.day)
    FROM (SELECT ((o.placed_at - CASE WHEN o.placed_at < 0 THEN 86399999 ELSE 0 END) / 86400000) AS day FROM orders o
          WHERE o.workspace_id = OLD.workspace_id AND o.profile_id = OLD.profile_id AND o.status IN ('completed', 'partially_refunded')) x
    WHERE true
    GROUP BY 3;
    INSERT INTO cohort_cells (workspace_id, first_day, day, customers)
    SELECT m.workspace_id, (SELECT MIN(f.day) FROM cohort_months f WHERE f.workspace_id = OLD.workspace_id AND f.profile_id = OLD.profile_id), m.day, 1
    FROM cohort_months m WHERE m.workspace_id = OLD.workspace_id AND m.profile_id = OLD.profile_id
    ON CONFLICT DO UPDATE SET customers = customers + excluded.customers;
END;
