/**
 * Room provisioning (seed 003 appendix F). Community events as taken in (one row per source and event id: a
 * replay changes nothing), the communities Renkei knows (marked groups and inbound ones), the room store (what
 * Mailman has no place for: state, periods, hierarchy, readers, the F-2 rows shown in the preview) with its
 * ownership of a Mailman list, and the member-added notices waiting for 「通知メールを送信」. Settings live in
 * the settings table (`rooms.settings`); the Mailman password and the inbound secret in the keychain.
 */
export const v16Rooms = `
CREATE TABLE room_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- directory | manual | <inbound source>
  source TEXT NOT NULL,
  event_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  -- JSON of roomEventInput as taken in (members resolved to keys in 'members_found')
  payload TEXT NOT NULL,
  members_found TEXT NOT NULL DEFAULT '[]',
  unknown TEXT NOT NULL DEFAULT '[]',
  -- JSON ja/en of what it planned or applied
  outcome TEXT,
  UNIQUE (source, event_id)
);
CREATE INDEX room_events_received ON room_events (received_at);

CREATE TABLE room_communities (
  code TEXT PRIMARY KEY,
  -- directory | inbound
  source TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT,
  creator_key TEXT NOT NULL,
  -- JSON array of employee keys
  members TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
);

CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  community_code TEXT,
  parent_id TEXT REFERENCES rooms (id),
  owner_key TEXT NOT NULL,
  -- The Mailman list Renkei created for it (its ownership record); NULL while planned.
  list_id TEXT UNIQUE,
  -- planned | created | narrowed | failed
  status TEXT NOT NULL,
  -- JSON AutoRoomSettings and the F-2 rows with their rules
  settings TEXT NOT NULL,
  rows TEXT NOT NULL,
  -- JSON array of employee keys who may read it
  readers TEXT NOT NULL,
  created_at INTEGER,
  updated_at INTEGER NOT NULL,
  last_error TEXT
);
CREATE INDEX rooms_community ON rooms (community_code);

CREATE TABLE room_member_notices (
  -- <event id>/<cause>: registering the same event again is the same notice
  id TEXT PRIMARY KEY,
  community_code TEXT NOT NULL,
  -- community-created | members-added
  cause TEXT NOT NULL,
  added_members TEXT NOT NULL,
  -- JSON [{ userId, email }]
  recipients TEXT NOT NULL,
  -- pending | sent | dropped
  state TEXT NOT NULL DEFAULT 'pending',
  registered_at INTEGER NOT NULL,
  finished_at INTEGER,
  detail TEXT
);
CREATE INDEX room_member_notices_state ON room_member_notices (state, registered_at);
`
