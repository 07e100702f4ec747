/**
 * "Errors at this site" is the search admins run most, and often nothing matches: without this
 * index SQLite walks every error of every site (1.1 s on 5 million entries) to prove it.
 */
export const v2SiteLevelIndex = `
CREATE INDEX history_site_level_ts ON history (site, level, ts, id);
`
