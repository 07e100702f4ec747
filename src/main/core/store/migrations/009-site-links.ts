/**
 * Site link records (issue 12): one row per link (a later link to the same partner is a new row), the
 * one-time link requests (only a SHA-256 of the token: the token itself lives in the URL shown once) and
 * every transition of a link with its actor and that site's name at the moment (seed リンク情報).
 */
export const v9SiteLinks = `
CREATE TABLE site_links (
  id TEXT PRIMARY KEY,
  partner_key_id TEXT NOT NULL,
  partner_public_key TEXT NOT NULL,
  partner_company TEXT NOT NULL,
  partner_site TEXT,
  partner_link_url TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('requester', 'acceptor')),
  state TEXT NOT NULL CHECK (state IN ('pending', 'linked', 'unlinked', 'rejected')),
  paused INTEGER NOT NULL DEFAULT 0,
  notice_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- At most one pending or linked link per partner key.
CREATE UNIQUE INDEX site_links_active_partner ON site_links (partner_key_id)
  WHERE state IN ('pending', 'linked');

CREATE TABLE site_link_requests (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  requested_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  requester TEXT NOT NULL,
  consumed_at INTEGER,
  invalidated_at INTEGER
);

CREATE TABLE site_link_transitions (
  id INTEGER PRIMARY KEY,
  link_id TEXT NOT NULL REFERENCES site_links (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  site_name TEXT NOT NULL
);
CREATE INDEX site_link_transitions_link ON site_link_transitions (link_id, at, id);
`
