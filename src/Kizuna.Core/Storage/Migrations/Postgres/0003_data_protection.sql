-- ASP.NET Data Protection keys (they sign the dashboard's cookies), shared by every node of the deployment.
CREATE TABLE data_protection_keys (
    name        text   PRIMARY KEY,
    xml         text   NOT NULL,
    created_at  bigint NOT NULL
);
