/**
 * Site link replay guard: the nonce of every verified partner request, kept 10 minutes (twice the 5 minute
 * clock window a signature's `created` must fall in), so the same signed request is refused a second time.
 */
export const v11LinkNonces = `
CREATE TABLE link_nonces (
  key_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (key_id, nonce)
) WITHOUT ROWID;
CREATE INDEX link_nonces_seen ON link_nonces (seen_at);
`
