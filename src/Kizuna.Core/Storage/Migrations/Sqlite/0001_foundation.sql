-- Times are Unix epoch milliseconds (UTC) in both stores, so one set of row mappers serves both.

CREATE TABLE workspaces (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspaces(id),
    kind          TEXT    NOT NULL,          -- write | secret
    name          TEXT    NOT NULL,
    prefix        TEXT    NOT NULL,          -- first characters, shown in listings
    key_hash      BLOB    NOT NULL UNIQUE,   -- SHA-256 of the whole key
    scopes        TEXT    NOT NULL,          -- space separated
    created_at    INTEGER NOT NULL,
    revoked_at    INTEGER
);

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name           TEXT    NOT NULL,
    password_hash  TEXT    NOT NULL,
    created_at     INTEGER NOT NULL
);

CREATE TABLE memberships (
    workspace_id  INTEGER NOT NULL REFERENCES workspaces(id),
    user_id       INTEGER NOT NULL REFERENCES users(id),
    role          TEXT    NOT NULL,          -- admin | marketer | agent | viewer
    PRIMARY KEY (workspace_id, user_id)
);

-- Counters the batch writer takes blocks of ids from (PostgreSQL uses sequences).
CREATE TABLE sequences (
    name   TEXT    PRIMARY KEY,
    value  INTEGER NOT NULL
);
INSERT INTO sequences (name, value) VALUES ('profile_ids', 0);

CREATE TABLE profiles (
    workspace_id       INTEGER NOT NULL,
    id                 INTEGER NOT NULL,   -- allocated by the batch writer
    user_id            TEXT,
    email              TEXT,
    traits             TEXT    NOT NULL DEFAULT '{}',
    context            TEXT    NOT NULL DEFAULT '{}',   -- timezone, locale, device, campaign, library
    traits_updated_at  INTEGER NOT NULL DEFAULT 0,
    first_seen         INTEGER NOT NULL,
    last_seen          INTEGER NOT NULL,
    session_count      INTEGER NOT NULL DEFAULT 0,
    page_views         INTEGER NOT NULL DEFAULT 0,
    event_count        INTEGER NOT NULL DEFAULT 0,
    order_count        INTEGER NOT NULL DEFAULT 0,
    total_spent        REAL    NOT NULL DEFAULT 0,
    first_order_at     INTEGER,
    last_order_at      INTEGER,
    merged_into        INTEGER,
    PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;
CREATE INDEX profiles_user ON profiles (workspace_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX profiles_email ON profiles (workspace_id, email) WHERE email IS NOT NULL;  -- lower-cased at ingest
CREATE INDEX profiles_last_seen ON profiles (workspace_id, last_seen);

-- Every id a profile is known by: kind 'user' or 'anonymous'. Merged profiles keep resolving here.
CREATE TABLE identities (
    workspace_id  INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    profile_id    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX identities_profile ON identities (workspace_id, profile_id);

-- messageId deduplication: a 64-bit hash of (workspace, messageId) as the row key keeps the insert cheap.
CREATE TABLE message_keys (
    key  INTEGER PRIMARY KEY
);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    event_id      BLOB    NOT NULL,   -- UUIDv7
    message_id    TEXT    NOT NULL,
    type          TEXT    NOT NULL,   -- identify | track | page | screen | group | alias
    name          TEXT,
    ts            INTEGER NOT NULL,
    received_at   INTEGER NOT NULL,
    properties    TEXT,
    context       TEXT
);
CREATE INDEX events_profile_ts ON events (workspace_id, profile_id, ts);

CREATE TABLE event_counts (
    workspace_id  INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    count         INTEGER NOT NULL,
    first_at      INTEGER NOT NULL,
    last_at       INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, profile_id, name)
) WITHOUT ROWID;

-- Daily roll-ups: day is the UTC day number since 1970-01-01.
CREATE TABLE daily_counts (
    workspace_id  INTEGER NOT NULL,
    profile_id    INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    day           INTEGER NOT NULL,
    count         INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, profile_id, name, day)
) WITHOUT ROWID;

CREATE TABLE orders (
    workspace_id     INTEGER NOT NULL,
    order_id         TEXT    NOT NULL,
    profile_id       INTEGER NOT NULL,
    status           TEXT    NOT NULL,   -- completed | refunded | partially_refunded | cancelled
    currency         TEXT,
    total            REAL    NOT NULL,
    refunded_amount  REAL    NOT NULL DEFAULT 0,
    discount         REAL    NOT NULL DEFAULT 0,
    shipping         REAL    NOT NULL DEFAULT 0,
    tax              REAL    NOT NULL DEFAULT 0,
    coupon           TEXT,
    placed_at        INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, order_id)
) WITHOUT ROWID;
CREATE INDEX orders_profile ON orders (workspace_id, profile_id, placed_at);

CREATE TABLE order_lines (
    workspace_id  INTEGER NOT NULL,
    order_id      TEXT    NOT NULL,
    line_no       INTEGER NOT NULL,
    product_id    TEXT,
    sku           TEXT,
    name          TEXT,
    category      TEXT,
    price         REAL    NOT NULL,
    quantity      REAL    NOT NULL,
    PRIMARY KEY (workspace_id, order_id, line_no)
) WITHOUT ROWID;

CREATE TABLE products (
    workspace_id  INTEGER NOT NULL,
    product_id    TEXT    NOT NULL,
    sku           TEXT,
    name          TEXT    NOT NULL,
    category      TEXT,
    price         REAL,
    currency      TEXT,
    image_url     TEXT,
    url           TEXT,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, product_id)
) WITHOUT ROWID;

-- Identifiers of erased profiles whose later events are dropped (SHA-256 of kind:value).
CREATE TABLE suppressions (
    workspace_id  INTEGER NOT NULL,
    id_hash       BLOB    NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id_hash)
) WITHOUT ROWID;

CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    report        TEXT    NOT NULL DEFAULT '{}',
    created_at    INTEGER NOT NULL,
    finished_at   INTEGER
);
