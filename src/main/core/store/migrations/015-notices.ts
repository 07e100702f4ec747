/**
 * Notice relay (seed 000 ⑤ ⑥). Events as taken in (one row per source and event id: a replay adds nothing),
 * the durable outbox of messages (one per event, target and employee: the same event twice is one message),
 * each employee's gadget inbox, the opt-in rules, targets, templates and inbound sources. Settings live in the
 * settings table; secrets in the keychain.
 */
export const v15Notices = `
CREATE TABLE notice_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- calendar | directory | sitelink | manual | <inbound source id>
  source TEXT NOT NULL,
  event_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  -- JSON object of notice fields
  fields TEXT NOT NULL,
  -- JSON arrays: employee keys found, and addressees as given that match nobody
  addressees TEXT NOT NULL,
  unknown_addressees TEXT NOT NULL DEFAULT '[]',
  UNIQUE (source, event_id)
);
CREATE INDEX notice_events_received ON notice_events (received_at);

CREATE TABLE notice_messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_row INTEGER NOT NULL REFERENCES notice_events (id) ON DELETE CASCADE,
  target_id TEXT NOT NULL,
  employee_key TEXT NOT NULL,
  -- The address at planning time (the recipient pattern filled in).
  address TEXT NOT NULL,
  -- pending | sent | set-aside | dropped
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  -- JSON Localized of the last failure, and the server's words (credentials cut)
  error TEXT,
  detail TEXT,
  -- Sent inside a digest: the id of the digest's first message.
  digest_of INTEGER,
  UNIQUE (event_row, target_id, employee_key)
);
CREATE INDEX notice_messages_due ON notice_messages (state, due_at);
CREATE INDEX notice_messages_target ON notice_messages (target_id, state, employee_key);

CREATE TABLE notice_inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  employee_key TEXT NOT NULL,
  event_row INTEGER NOT NULL REFERENCES notice_events (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  UNIQUE (employee_key, event_row)
);
CREATE INDEX notice_inbox_employee ON notice_inbox (employee_key, id);

CREATE TABLE notice_optins (
  -- employee | group | department | everyone
  scope TEXT NOT NULL,
  -- employee key, group or department code; '' for everyone
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  PRIMARY KEY (scope, code, kind)
) WITHOUT ROWID;

CREATE TABLE notice_targets (
  id TEXT PRIMARY KEY,
  -- JSON NoticeTargetConfig (no secrets)
  config TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE notice_templates (
  kind TEXT NOT NULL,
  language TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (kind, language)
) WITHOUT ROWID;

CREATE TABLE notice_sources (
  id TEXT PRIMARY KEY,
  -- JSON NoticeSourceConfig (no secret)
  config TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`
