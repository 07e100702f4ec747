export const v1Initial = `
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  ts INTEGER NOT NULL,
  site TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL CHECK (direction IN ('send', 'receive', 'local')),
  category TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
  message TEXT NOT NULL,
  message_en TEXT,
  detail TEXT
);
-- Newest-first paging, alone or after one equality filter.
CREATE INDEX history_ts ON history (ts, id);
CREATE INDEX history_site_ts ON history (site, ts, id);
CREATE INDEX history_category_ts ON history (category, ts, id);
CREATE INDEX history_level_ts ON history (level, ts, id);
CREATE INDEX history_direction_ts ON history (direction, ts, id);

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  paused INTEGER NOT NULL DEFAULT 0,
  next_run_at INTEGER,
  first_trigger_at INTEGER,
  last_started_at INTEGER,
  last_finished_at INTEGER,
  last_outcome TEXT,
  last_message TEXT
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`
