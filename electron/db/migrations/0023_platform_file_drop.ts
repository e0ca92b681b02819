// Second half of the platform split (see 0022): the office file's copies of the platform tables
// go, but only once the platform file holds every row (a CHECK that fails aborts the migration
// and leaves both files as they are).
export default /* sql */ `
CREATE TEMP TABLE platform_copy_complete (ok INTEGER NOT NULL CHECK (ok = 1));
INSERT INTO platform_copy_complete SELECT
      (SELECT count(*) FROM main.subject) = (SELECT count(*) FROM platform.subject)
  AND (SELECT count(*) FROM main.record) = (SELECT count(*) FROM platform.record)
  AND (SELECT count(*) FROM main.measure) = (SELECT count(*) FROM platform.measure)
  AND (SELECT count(*) FROM main.list_entry) = (SELECT count(*) FROM platform.list_entry)
  AND (SELECT count(*) FROM main.list_entry_measure) = (SELECT count(*) FROM platform.list_entry_measure);
DROP TABLE temp.platform_copy_complete;
DROP TABLE main.list_entry_measure;
DROP TABLE main.list_entry;
DROP TABLE main.record;
DROP TABLE main.measure;
DROP TABLE main.subject;
`;
