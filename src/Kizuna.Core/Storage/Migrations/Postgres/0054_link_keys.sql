-- The keys that sign the links of messages (unsubscribe, preferences, web view, confirm, open and click tracking),
-- shared by every node of the deployment. Each secret is kept protected by the Data Protection keys (0003); a link
-- names the key it was signed with, so a newer key can be added while the links already sent keep working.
CREATE TABLE link_keys (
    id          integer PRIMARY KEY CHECK (id BETWEEN 1 AND 255),
    secret      text    NOT NULL,
    created_at  bigint  NOT NULL
);
