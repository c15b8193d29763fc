-- 0004: users that come from a directory (LDAP / Active Directory). A
-- directory user has no usable local password: the login goes to the
-- directory. Import keeps the copied attributes fresh and disables, never
-- deletes, users gone from the directory (their tickets and history keep
-- pointing at them).

-- auth_source is "local" (password_hash checked here) or "ldap".
ALTER TABLE users ADD COLUMN auth_source TEXT NOT NULL DEFAULT 'local';
-- external_dn is the user's entry in the directory, e.g.
-- "uid=alice,ou=people,dc=mairie,dc=local".
ALTER TABLE users ADD COLUMN external_dn TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN department TEXT NOT NULL DEFAULT '';
-- synced_at is when a login or an import last wrote the directory entry here.
ALTER TABLE users ADD COLUMN synced_at INTEGER;
-- gone_from_directory is set when an import disabled the user because the
-- directory no longer lists them, so a later import re-enables them if they
-- come back, while an administrator's manual disable stays.
ALTER TABLE users ADD COLUMN gone_from_directory BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX users_auth_source ON users(auth_source);
