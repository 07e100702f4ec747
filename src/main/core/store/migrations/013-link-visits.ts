/**
 * Site link visits (issue 13, seed 連携する社員の設定): this site's visit and accept rules per link (one JSON
 * document each, versioned so the partner's acknowledgement can be told apart from an older send), the
 * visit log of both sides, the one-time visit tokens already used (kept past their 60 s life so a replay
 * is refused), and why a link was paused (`machine`: the data directory moved to another machine).
 */
export const v13LinkVisits = `
CREATE TABLE link_rule_sets (
  link_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'accept')),
  document TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (link_id, kind)
) WITHOUT ROWID;

CREATE TABLE link_visits (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  link_id TEXT,
  side TEXT NOT NULL CHECK (side IN ('issued', 'received')),
  employee_key TEXT,
  employee_name TEXT,
  address TEXT,
  decision TEXT NOT NULL CHECK (decision IN ('allowed', 'denied', 'refused')),
  permission TEXT,
  rule_id TEXT,
  reason_code TEXT NOT NULL
);
CREATE INDEX link_visits_link ON link_visits (link_id, id);

CREATE TABLE link_visit_tokens (
  token_id TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX link_visit_tokens_expiry ON link_visit_tokens (expires_at);

ALTER TABLE site_links ADD COLUMN pause_reason TEXT;
`
