/**
 * The calendar feed parser's memory, so a fresh process skips unchanged events: per pair, the generation
 * (parser version, computer zone, calendar header) and, per event group, the hash of its lines → the parsed
 * item without its text. Content-addressed: a row is valid whenever it was written.
 */
export const v6CalendarParseMemory = `
CREATE TABLE calendar_parse_generations (
  pair_id TEXT PRIMARY KEY REFERENCES calendar_pairs (id) ON DELETE CASCADE,
  generation TEXT NOT NULL
);

CREATE TABLE calendar_parse_items (
  pair_id TEXT NOT NULL REFERENCES calendar_pairs (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  item TEXT NOT NULL,
  PRIMARY KEY (pair_id, key)
) WITHOUT ROWID;
`
