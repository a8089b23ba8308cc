-- Money is stored exactly: every amount becomes an INTEGER count of ten-thousandths (10802.39 is 108023900), so
-- SQL sums, sorts and compares it without binary rounding; the code reads and writes it as decimal (Money).
-- Amounts stored as binary floating point before are rounded to four places on the way.
ALTER TABLE orders ADD COLUMN total_units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN refunded_units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN discount_units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN shipping_units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN tax_units INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET
    total_units = CAST(round(total * 10000) AS INTEGER), refunded_units = CAST(round(refunded_amount * 10000) AS INTEGER),
    discount_units = CAST(round(discount * 10000) AS INTEGER), shipping_units = CAST(round(shipping * 10000) AS INTEGER),
    tax_units = CAST(round(tax * 10000) AS INTEGER),
    currency = upper(currency);
ALTER TABLE orders DROP COLUMN total;
ALTER TABLE orders DROP COLUMN refunded_amount;
ALTER TABLE orders DROP COLUMN discount;
ALTER TABLE orders DROP COLUMN shipping;
ALTER TABLE orders DROP COLUMN tax;
ALTER TABLE orders RENAME COLUMN total_units TO total;
ALTER TABLE orders RENAME COLUMN refunded_units TO refunded_amount;
ALTER TABLE orders RENAME COLUMN discount_units TO discount;
ALTER TABLE orders RENAME COLUMN shipping_units TO shipping;
ALTER TABLE orders RENAME COLUMN tax_units TO tax;

ALTER TABLE order_lines ADD COLUMN price_units INTEGER NOT NULL DEFAULT 0;
UPDATE order_lines SET price_units = CAST(round(price * 10000) AS INTEGER);
ALTER TABLE order_lines DROP COLUMN price;
ALTER TABLE order_lines RENAME COLUMN price_units TO price;

ALTER TABLE products ADD COLUMN price_units INTEGER;
UPDATE products SET price_units = CAST(round(price * 10000) AS INTEGER) WHERE price IS NOT NULL;
ALTER TABLE products DROP COLUMN price;
ALTER TABLE products RENAME COLUMN price_units TO price;

-- Spend per profile and currency ('' for orders that stated none), so a total never adds two currencies together:
-- open orders, net total, first and last order. The profile row keeps its main currency (most orders, then the
-- latest) and the total in it, for lists to sort and show.
CREATE TABLE profile_spend (
    workspace_id    INTEGER NOT NULL,
    profile_id      INTEGER NOT NULL,
    currency        TEXT    NOT NULL,
    order_count     INTEGER NOT NULL,
    total_spent     INTEGER NOT NULL,   -- ten-thousandths
    first_order_at  INTEGER,
    last_order_at   INTEGER,
    PRIMARY KEY (workspace_id, profile_id, currency)
) WITHOUT ROWID;
INSERT INTO profile_spend (workspace_id, profile_id, currency, order_count, total_spent, first_order_at, last_order_at)
SELECT workspace_id, profile_id, COALESCE(currency, ''),
       SUM(CASE WHEN status IN ('completed', 'partially_refunded') THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'cancelled' OR refunded_amount >= total THEN 0 ELSE total - refunded_amount END),
       MIN(placed_at), MAX(placed_at)
FROM orders GROUP BY workspace_id, profile_id, COALESCE(currency, '');

ALTER TABLE profiles ADD COLUMN currency TEXT;
ALTER TABLE profiles ADD COLUMN total_spent_units INTEGER NOT NULL DEFAULT 0;
UPDATE profiles SET
    currency = (SELECT NULLIF(s.currency, '') FROM profile_spend s WHERE s.workspace_id = profiles.workspace_id AND s.profile_id = profiles.id
                ORDER BY s.order_count DESC, s.last_order_at DESC NULLS LAST, s.currency LIMIT 1),
    total_spent_units = COALESCE((SELECT s.total_spent FROM profile_spend s WHERE s.workspace_id = profiles.workspace_id AND s.profile_id = profiles.id
                ORDER BY s.order_count DESC, s.last_order_at DESC NULLS LAST, s.currency LIMIT 1), 0);
ALTER TABLE profiles DROP COLUMN total_spent;
ALTER TABLE profiles RENAME COLUMN total_spent_units TO total_spent;

-- Accounts (the groupId of a group call) with their traits, and which profiles belong to which account.
CREATE TABLE accounts (
    workspace_id       INTEGER NOT NULL,
    group_id           TEXT    NOT NULL,
    traits             TEXT    NOT NULL DEFAULT '{}',
    traits_updated_at  INTEGER NOT NULL,
    first_seen         INTEGER NOT NULL,
    last_seen          INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, group_id)
) WITHOUT ROWID;

CREATE TABLE account_members (
    workspace_id  INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    group_id      TEXT    NOT NULL,
    first_at      INTEGER NOT NULL,
    last_at       INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, profile_id, group_id)
) WITHOUT ROWID;
CREATE INDEX account_members_group ON account_members (workspace_id, group_id);
