/**
 * Site link presence (在席状況, seed 002): one row per home employee and day, set only at the home site and
 * sent to partners. `return_at` is 帰社日時 (ms); text columns are 行先・補足 and 備考.
 */
export const v12Presence = `
CREATE TABLE sitelink_presence (
  employee_key TEXT NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL,
  destination TEXT,
  return_at INTEGER,
  note TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (employee_key, date)
) WITHOUT ROWID;
CREATE INDEX sitelink_presence_by_date ON sitelink_presence (date, employee_key);
`
