/**
 * The fingerprint hash (home-records.ts `fingerprintHash`) of each home object, written with it, so a
 * preview compares numbers instead of re-hashing 100,000 stored fingerprints. Rows written before this
 * step hold null: they are hashed from `fingerprint` when read, and given their hash by the next import
 * (the partial index finds them; empty once they have it). The covering index is what a preview reads:
 * scanning the table itself walks every row's JSON (~3× slower at 100,000 people).
 */
export const v14HomeFingerprintHash = `
ALTER TABLE directory_objects ADD COLUMN fingerprint_hash INTEGER;
CREATE INDEX directory_objects_hash ON directory_objects (kind, key, fingerprint_hash);
CREATE INDEX directory_objects_unhashed ON directory_objects (kind, key) WHERE fingerprint_hash IS NULL;
`
