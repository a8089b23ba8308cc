-- ASP.NET Data Protection keys (they sign the dashboard's cookies), shared by every node of the deployment.
CREATE TABLE data_protection_keys (
    name        TEXT    PRIMARY KEY,
    xml         TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
