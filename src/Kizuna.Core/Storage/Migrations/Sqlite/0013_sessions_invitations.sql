-- Dashboard sign-ins held on the server, so signing out ends a sign-in even for a copy of its cookie. Only a
-- SHA-256 of the session id is stored; the id itself travels inside the encrypted cookie.
CREATE TABLE dashboard_sessions (
    id_hash     TEXT    PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_at  INTEGER NOT NULL,
    seen_at     INTEGER NOT NULL
);
CREATE INDEX dashboard_sessions_user ON dashboard_sessions (user_id);
CREATE INDEX dashboard_sessions_seen ON dashboard_sessions (seen_at);

-- Invitations to a workspace: a signed, expiring, single-use link. Only a SHA-256 of the link's secret is stored.
CREATE TABLE invitations (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    email        TEXT    NOT NULL,
    role         TEXT    NOT NULL,          -- admin | marketer | agent | viewer
    secret_hash  TEXT    NOT NULL,
    invited_by   TEXT    NOT NULL,          -- user:<id> or key:<id>
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    accepted_at  INTEGER,
    accepted_by  INTEGER REFERENCES users(id),
    revoked_at   INTEGER
);
CREATE INDEX invitations_workspace ON invitations (workspace_id, id);
