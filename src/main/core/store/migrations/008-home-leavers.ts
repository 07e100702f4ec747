/**
 * People who left the source stay in the home directory, suspended, for the grace period (as the
 * targets keep them): `missing_since` is when a run first saw them gone (null: in the source).
 */
export const v8HomeLeavers = `
ALTER TABLE directory_objects ADD COLUMN missing_since INTEGER;
CREATE INDEX directory_objects_leavers ON directory_objects (missing_since) WHERE missing_since IS NOT NULL;
`
