/**
 * Free-text search over millions of history entries, and imports that never hold a long lock.
 *
 * `history_text_parts`: the trigram indexes of the messages, one FTS5 table per calendar month of entry
 * time (see history-text-index.ts), each with the span of entry times it covers. Pruning drops a whole
 * month's index once every entry of it is older than the cutoff, instead of deleting entries from an
 * index one by one (FTS5 merges made single prune batches take seconds). `history_fts_legacy` indexes
 * the entries that exist when this migration runs.
 *
 * `history_imports`: an archive import in progress. Its entries carry `import_id` and stay invisible to
 * every query until the import's row is deleted on completion, so an import is all-or-nothing while it
 * writes in short transactions; a killed one is swept by the next import or prune. AUTOINCREMENT: an
 * id is never reused, so a finished import's entries can never be hidden again by a new one.
 */
export const v7HistoryFts = `
CREATE TABLE history_text_parts (
  name TEXT PRIMARY KEY,
  min_ts INTEGER NOT NULL,
  max_ts INTEGER NOT NULL
);
CREATE VIRTUAL TABLE history_fts_legacy USING fts5(
  message, message_en, tokenize = 'trigram', content = '', detail = none, columnsize = 0
);
INSERT INTO history_fts_legacy (rowid, message, message_en)
  SELECT id, message, coalesce(message_en, '') FROM history;
INSERT INTO history_text_parts (name, min_ts, max_ts)
  SELECT 'history_fts_legacy', coalesce(min(ts), 0), coalesce(max(ts), 0) FROM history;

CREATE TABLE history_imports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  heartbeat_at INTEGER NOT NULL
);
ALTER TABLE history ADD COLUMN import_id INTEGER;
CREATE INDEX history_import ON history (import_id) WHERE import_id IS NOT NULL;
`
