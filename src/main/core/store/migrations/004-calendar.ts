/**
 * Calendar sync: one row per user pair (its settings as JSON, the permit switch, why it is stopped),
 * the pair's sync state (feed validators, sync tokens, last run), the UID mapping between the two
 * calendars (what Renkei created where, with the ETags it last saw) and the error log the 120-in-24-hours
 * auto-stop counts.
 */
export const v4Calendar = `
CREATE TABLE calendar_pairs (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  config TEXT NOT NULL,
  permitted INTEGER NOT NULL,
  stop_reason TEXT,
  stopped_at INTEGER,
  created_at INTEGER NOT NULL
);

CREATE TABLE calendar_pair_state (
  pair_id TEXT PRIMARY KEY REFERENCES calendar_pairs (id) ON DELETE CASCADE,
  value TEXT NOT NULL
);

-- origin: the side holding the original; the other side's object is Renkei's copy (the only one it may delete).
-- set_aside: the fingerprint of a version the server refused, skipped until the event changes again.
CREATE TABLE calendar_items (
  pair_id TEXT NOT NULL REFERENCES calendar_pairs (id) ON DELETE CASCADE,
  uid TEXT NOT NULL,
  origin TEXT NOT NULL,
  source_href TEXT,
  source_etag TEXT,
  target_href TEXT,
  target_etag TEXT,
  fingerprint TEXT,
  set_aside TEXT,
  detached INTEGER NOT NULL DEFAULT 0,
  summary TEXT NOT NULL DEFAULT '',
  time TEXT,
  PRIMARY KEY (pair_id, uid)
) WITHOUT ROWID;

CREATE TABLE calendar_errors (
  pair_id TEXT NOT NULL REFERENCES calendar_pairs (id) ON DELETE CASCADE,
  ts INTEGER NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX calendar_errors_pair_ts ON calendar_errors (pair_id, ts);
`
