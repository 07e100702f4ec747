/**
 * Free-text search over millions of history entries, and imports that never hold a long lock.
 *
 * `history_fts`: a contentless FTS5 trigram index of the Japanese and English message (rowid = history.id).
 * It only proposes candidates (detail=none: which entries hold every trigram of the text, not where) and
 * the LIKE decides, so the index stays small and exact positions are not needed. Contentless (the text
 * stays in `history` only) with contentless_delete so pruning removes entries by rowid. Inserts are
 * indexed by the repository in the same transaction: an FTS5 insert inside an INSERT trigger flushes the
 * index per row (a statement savepoint), several times slower.
 *
 * `history_imports`: an archive import in progress. Its entries carry `import_id` and stay invisible to
 * every query until the import's row is deleted on completion, so an import is all-or-nothing while it
 * writes in short transactions; a killed one is swept by the next import or prune. AUTOINCREMENT: an
 * id is never reused, so a finished import's entries can never be hidden again by a new one.
 */
export const v7HistoryFts = `
CREATE VIRTUAL TABLE history_fts USING fts5(
  message, message_en, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none
);
INSERT INTO history_fts (rowid, message, message_en)
  SELECT id, message, coalesce(message_en, '') FROM history;
CREATE TRIGGER history_fts_delete AFTER DELETE ON history BEGIN
  DELETE FROM history_fts WHERE rowid = old.id;
END;
CREATE TRIGGER history_fts_update AFTER UPDATE OF message, message_en ON history BEGIN
  DELETE FROM history_fts WHERE rowid = old.id;
  INSERT INTO history_fts (rowid, message, message_en) VALUES (new.id, new.message, coalesce(new.message_en, ''));
END;

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
