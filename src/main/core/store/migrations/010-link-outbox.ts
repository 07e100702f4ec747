/**
 * Site link data exchange (seed データ連携). Sender side: per link and kind, what the partner holds (key →
 * hash of the data sent), the durable outbox of numbered batches not yet acknowledged, each kind's next
 * number, and the send plan. Receiver side: the partners' data and, per kind, the last batch applied.
 * Link ids are the handshake's; rows of a forgotten link are removed by the engine, not by a foreign key,
 * because received schedules outlive an unlink.
 */
export const v10LinkOutbox = `
CREATE TABLE link_sent (
  link_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  -- '' marks an item whose batch was cleared before delivery: the next diff sends it again.
  hash TEXT NOT NULL,
  -- A schedule's end: once before the export window it leaves the sent state without a delete.
  until INTEGER,
  PRIMARY KEY (link_id, kind, key)
) WITHOUT ROWID;

CREATE TABLE link_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  link_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  seq INTEGER NOT NULL,
  items INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (link_id, kind, seq)
);
CREATE INDEX link_outbox_link ON link_outbox (link_id, id);

CREATE TABLE link_kind_state (
  link_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  -- Never reused, also after a clear: the receiver applies each number once.
  next_seq INTEGER NOT NULL DEFAULT 1,
  -- Planned at the next send whatever the plan says (a cleared batch, a relink).
  dirty INTEGER NOT NULL DEFAULT 0,
  -- A relink: the next batch of this kind tells the receiver to drop what it holds first.
  reset_pending INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (link_id, kind)
) WITHOUT ROWID;

CREATE TABLE link_send_plan (
  kind TEXT PRIMARY KEY,
  planned_at INTEGER NOT NULL
);

CREATE TABLE link_send_state (
  link_id TEXT PRIMARY KEY,
  last_send_at INTEGER,
  failures INTEGER NOT NULL DEFAULT 0,
  retry_at INTEGER,
  last_error TEXT
);

CREATE TABLE partner_items (
  link_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  -- Employee: main department; department: parent; schedule and presence: the employee.
  owner TEXT,
  -- Schedule start (a relink's reset keeps schedules before the 1st of the previous month).
  start INTEGER,
  search TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL,
  PRIMARY KEY (link_id, kind, key)
) WITHOUT ROWID;
CREATE INDEX partner_items_owner ON partner_items (link_id, kind, owner, key);

CREATE TABLE link_receipts (
  link_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  batches INTEGER NOT NULL DEFAULT 0,
  items INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (link_id, kind)
) WITHOUT ROWID;
`
