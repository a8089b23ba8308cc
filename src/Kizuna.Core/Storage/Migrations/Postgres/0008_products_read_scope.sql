-- Reading the product catalogue took profiles:read and now takes its own scope, products:read: secret keys that
-- could read products before keep that right.
UPDATE api_keys SET scopes = scopes || ' products:read'
WHERE kind = 'secret'
  AND (' ' || scopes || ' ') LIKE '% profiles:read %'
  AND (' ' || scopes || ' ') NOT LIKE '% products:read %';
