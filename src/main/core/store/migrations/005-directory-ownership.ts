/**
 * Which target objects (users and groups) directory sync owns, per target: only these are ever updated,
 * suspended or deleted. `handle` is the target's stable id (SCIM id, LDAP entryUUID); it is NULL while a
 * create is pending — the row is written before the create request, so an object created by a run killed
 * before the answer is recognised next run by its key or login instead of being duplicated.
 */
export const v5DirectoryOwnership = `
CREATE TABLE directory_ownership (
  scope TEXT NOT NULL,
  object TEXT NOT NULL CHECK (object IN ('user', 'group')),
  key TEXT NOT NULL,
  handle TEXT,
  ref TEXT,
  login TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('created', 'adopted')),
  state TEXT NOT NULL CHECK (state IN ('pending', 'owned')),
  at INTEGER NOT NULL,
  PRIMARY KEY (scope, object, key)
) WITHOUT ROWID;
CREATE UNIQUE INDEX directory_ownership_handle ON directory_ownership (scope, object, handle);
`
