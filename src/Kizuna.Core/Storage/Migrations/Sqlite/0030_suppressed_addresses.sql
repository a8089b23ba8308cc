-- The workspace's suppression list of addresses: hard bounces, complaints and manual entries. No message goes to an
-- address listed here, transactional ones included. Addresses are kept in plain text (lower-case email, E.164 phone)
-- so an operator can read and prune the list; the profile the address belonged to when it was listed is kept too,
-- and erasing that profile deletes the entry (the erased-customer hashes in suppressions keep blocking it).
CREATE TABLE suppressed_addresses (
    workspace_id  INTEGER NOT NULL,
    channel       TEXT    NOT NULL,   -- email or sms
    address       TEXT    NOT NULL,
    reason        TEXT    NOT NULL,   -- bounce, complaint or manual
    profile_id    INTEGER NOT NULL,   -- 0: no profile had the address when it was listed
    message_id    INTEGER,            -- the message that bounced
    detail        TEXT,               -- the SMTP status code of a bounce, or an operator's note
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, channel, address)
) WITHOUT ROWID;
CREATE INDEX suppressed_addresses_profile ON suppressed_addresses (workspace_id, profile_id);
