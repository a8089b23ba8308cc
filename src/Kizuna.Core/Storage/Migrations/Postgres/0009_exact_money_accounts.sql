-- Money is stored exactly as numeric with four decimal places; amounts stored as binary floating point before are
-- rounded to four places on the way.
ALTER TABLE orders
    ALTER COLUMN total TYPE numeric(28,4) USING round(total::numeric, 4),
    ALTER COLUMN refunded_amount TYPE numeric(28,4) USING round(refunded_amount::numeric, 4),
    ALTER COLUMN discount TYPE numeric(28,4) USING round(discount::numeric, 4),
    ALTER COLUMN shipping TYPE numeric(28,4) USING round(shipping::numeric, 4),
    ALTER COLUMN tax TYPE numeric(28,4) USING round(tax::numeric, 4);
UPDATE orders SET currency = upper(currency) WHERE currency <> upper(currency);
ALTER TABLE order_lines ALTER COLUMN price TYPE numeric(28,4) USING round(price::numeric, 4);
ALTER TABLE products ALTER COLUMN price TYPE numeric(28,4) USING round(price::numeric, 4);

-- Spend per profile and currency ('' for orders that stated none), so a total never adds two currencies together:
-- open orders, net total, first and last order. The profile row keeps its main currency (most orders, then the
-- latest) and the total in it, for lists to sort and show.
CREATE TABLE profile_spend (
    workspace_id    bigint        NOT NULL,
    profile_id      bigint        NOT NULL,
    currency        text          NOT NULL,
    order_count     bigint        NOT NULL,
    total_spent     numeric(28,4) NOT NULL,
    first_order_at  bigint,
    last_order_at   bigint,
    PRIMARY KEY (workspace_id, profile_id, currency)
);
INSERT INTO profile_spend (workspace_id, profile_id, currency, order_count, total_spent, first_order_at, last_order_at)
SELECT workspace_id, profile_id, COALESCE(currency, ''),
       SUM(CASE WHEN status IN ('completed', 'partially_refunded') THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'cancelled' OR refunded_amount >= total THEN 0 ELSE total - refunded_amount END),
       MIN(placed_at), MAX(placed_at)
FROM orders GROUP BY workspace_id, profile_id, COALESCE(currency, '');

ALTER TABLE profiles ADD COLUMN currency text;
ALTER TABLE profiles ALTER COLUMN total_spent TYPE numeric(28,4) USING 0;
UPDATE profiles SET
    currency = (SELECT NULLIF(s.currency, '') FROM profile_spend s WHERE s.workspace_id = profiles.workspace_id AND s.profile_id = profiles.id
                ORDER BY s.order_count DESC, s.last_order_at DESC NULLS LAST, s.currency COLLATE "C" LIMIT 1),
    total_spent = COALESCE((SELECT s.total_spent FROM profile_spend s WHERE s.workspace_id = profiles.workspace_id AND s.profile_id = profiles.id
                ORDER BY s.order_count DESC, s.last_order_at DESC NULLS LAST, s.currency COLLATE "C" LIMIT 1), 0)
WHERE EXISTS (SELECT 1 FROM profile_spend s WHERE s.workspace_id = profiles.workspace_id AND s.profile_id = profiles.id);

-- Accounts (the groupId of a group call) with their traits, and which profiles belong to which account.
CREATE TABLE accounts (
    workspace_id       bigint NOT NULL,
    group_id           text   NOT NULL,
    traits             jsonb  NOT NULL DEFAULT '{}',
    traits_updated_at  bigint NOT NULL,
    first_seen         bigint NOT NULL,
    last_seen          bigint NOT NULL,
    PRIMARY KEY (workspace_id, group_id)
);

CREATE TABLE account_members (
    workspace_id  bigint NOT NULL,
    profile_id    bigint NOT NULL,
    group_id      text   NOT NULL,
    first_at      bigint NOT NULL,
    last_at       bigint NOT NULL,
    PRIMARY KEY (workspace_id, profile_id, group_id)
);
CREATE INDEX account_members_group ON account_members (workspace_id, group_id);
