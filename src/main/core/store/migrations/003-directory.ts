/**
 * The home directory (employees, departments, positions, groups) as one row per object, plus the
 * directory engine's own state. `fingerprint` lets a new import be compared with the previous one without
 * parsing every stored record; `dept` and `search` serve the Directory screen's lists.
 */
export const v3Directory = `
CREATE TABLE directory_objects (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  data TEXT NOT NULL,
  dept TEXT,
  search TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX directory_objects_dept ON directory_objects (kind, dept, key);

CREATE TABLE directory_state (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Target users Renkei suspended because the source no longer has them: deleted after the grace period.
CREATE TABLE directory_suspensions (
  user_key TEXT PRIMARY KEY,
  since INTEGER NOT NULL
);
`
