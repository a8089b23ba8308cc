-- A rotated identity-verification secret keeps working until previous_until (epoch ms), so a customer's servers can
-- move to the new secret without their visitors' hashes being refused in between.
ALTER TABLE identity_secrets ADD COLUMN previous_secret text;
ALTER TABLE identity_secrets ADD COLUMN previous_until bigint;

-- The message log pages one workspace's messages newest first.
CREATE INDEX messages_workspace_id ON messages (workspace_id, id);
