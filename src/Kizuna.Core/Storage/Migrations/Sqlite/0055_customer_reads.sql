-- Reads that find a customer's rows by the customer, whatever the store's size.
--
-- A journey's entries since a time (its entry rate limit) by an index on the entry time, not every entry of the
-- journey.
CREATE INDEX journey_entries_entered ON journey_entries (workspace_id, journey_id, entered_at);

-- The order links of a customer and currency written again (an order placed before their latest, a merge, a moved
-- or re-currencied order) from that customer's orders: with no statistics SQLite read them through orders_placed, in
-- the window's order, walking every order of the workspace; "+placed_at" keeps the read on the customer's index and
-- sorts their few orders. The triggers are those of 0039 otherwise.
DROP TRIGGER order_links_added_earlier;
CREATE TRIGGER order_links_added_earlier AFTER INSERT ON orders
WHEN NEW.status IN ('completed', 'partially_refunded')
  AND EXISTS (SELECT 1 FROM order_links WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '')
                AND (placed_at > NEW.placed_at OR (placed_at = NEW.placed_at AND order_id > NEW.order_id)))
BEGIN
    DELETE FROM order_links WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '');
    INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
    SELECT workspace_id, profile_id, COALESCE(currency, ''), placed_at, order_id,
           LAG(placed_at) OVER w, LEAD(placed_at) OVER w, total - refunded_amount
    FROM orders
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND COALESCE(currency, '') = COALESCE(NEW.currency, '')
      AND status IN ('completed', 'partially_refunded')
    WINDOW w AS (ORDER BY +placed_at, order_id);
END;

DROP TRIGGER order_links_changed;
CREATE TRIGGER order_links_changed AFTER UPDATE OF status, profile_id, placed_at, currency, total, refunded_amount ON orders
WHEN (OLD.status IN ('completed', 'partially_refunded') OR NEW.status IN ('completed', 'partially_refunded'))
  AND (OLD.status <> NEW.status OR OLD.profile_id <> NEW.profile_id OR OLD.placed_at <> NEW.placed_at OR OLD.currency IS NOT NEW.currency
       OR OLD.total <> NEW.total OR OLD.refunded_amount <> NEW.refunded_amount)
BEGIN
    UPDATE order_links SET net = NEW.total - NEW.refunded_amount
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '')
      AND placed_at = NEW.placed_at AND order_id = NEW.order_id
      AND OLD.status IN ('completed', 'partially_refunded') AND NEW.status IN ('completed', 'partially_refunded')
      AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency;
    UPDATE order_links SET next_at = (SELECT x.next_at FROM order_links x WHERE x.workspace_id = OLD.workspace_id AND x.profile_id = OLD.profile_id
                                          AND x.currency = COALESCE(OLD.currency, '') AND x.placed_at = OLD.placed_at AND x.order_id = OLD.order_id)
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND (placed_at, order_id) = (SELECT y.placed_at, y.order_id FROM order_links y
                                   WHERE y.workspace_id = OLD.workspace_id AND y.profile_id = OLD.profile_id AND y.currency = COALESCE(OLD.currency, '')
                                     AND (y.placed_at < OLD.placed_at OR (y.placed_at = OLD.placed_at AND y.order_id < OLD.order_id))
                                   ORDER BY y.placed_at DESC, y.order_id DESC LIMIT 1)
      AND (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency);
    UPDATE order_links SET prev_at = (SELECT x.prev_at FROM order_links x WHERE x.workspace_id = OLD.workspace_id AND x.profile_id = OLD.profile_id
                                          AND x.currency = COALESCE(OLD.currency, '') AND x.placed_at = OLD.placed_at AND x.order_id = OLD.order_id)
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND (placed_at, order_id) = (SELECT y.placed_at, y.order_id FROM order_links y
                                   WHERE y.workspace_id = OLD.workspace_id AND y.profile_id = OLD.profile_id AND y.currency = COALESCE(OLD.currency, '')
                                     AND (y.placed_at > OLD.placed_at OR (y.placed_at = OLD.placed_at AND y.order_id > OLD.order_id))
                                   ORDER BY y.placed_at, y.order_id LIMIT 1)
      AND (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency);
    DELETE FROM order_links
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND placed_at = OLD.placed_at AND order_id = OLD.order_id
      AND (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency);
    DELETE FROM order_links
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND currency = COALESCE(OLD.currency, '')
      AND NOT (OLD.status IN ('completed', 'partially_refunded') AND NEW.status IN ('completed', 'partially_refunded')
               AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency)
      AND NOT (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency);
    INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
    SELECT workspace_id, profile_id, COALESCE(currency, ''), placed_at, order_id,
           LAG(placed_at) OVER w, LEAD(placed_at) OVER w, total - refunded_amount
    FROM orders
    WHERE workspace_id = OLD.workspace_id AND profile_id = OLD.profile_id AND COALESCE(currency, '') = COALESCE(OLD.currency, '')
      AND status IN ('completed', 'partially_refunded')
      AND NOT (OLD.status IN ('completed', 'partially_refunded') AND NEW.status IN ('completed', 'partially_refunded')
               AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency)
      AND NOT (OLD.status IN ('completed', 'partially_refunded') AND NEW.status NOT IN ('completed', 'partially_refunded') AND OLD.profile_id = NEW.profile_id AND OLD.placed_at = NEW.placed_at AND OLD.currency IS NEW.currency)
    WINDOW w AS (ORDER BY +placed_at, order_id);
    DELETE FROM order_links
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND currency = COALESCE(NEW.currency, '')
      AND NOT (OLD.profile_id = NEW.profile_id AND COALESCE(OLD.currency, '') = COALESCE(NEW.currency, ''));
    INSERT INTO order_links (workspace_id, profile_id, currency, placed_at, order_id, prev_at, next_at, net)
    SELECT workspace_id, profile_id, COALESCE(currency, ''), placed_at, order_id,
           LAG(placed_at) OVER w, LEAD(placed_at) OVER w, total - refunded_amount
    FROM orders
    WHERE workspace_id = NEW.workspace_id AND profile_id = NEW.profile_id AND COALESCE(currency, '') = COALESCE(NEW.currency, '')
      AND status IN ('completed', 'partially_refunded')
      AND NOT (OLD.profile_id = NEW.profile_id AND COALESCE(OLD.currency, '') = COALESCE(NEW.currency, ''))
    WINDOW w AS (ORDER BY +placed_at, order_id);
END;
