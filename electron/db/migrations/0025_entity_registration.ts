// Issue 24, legal entities at the counter. Two platform-file changes:
//  - `entity_registration`: an entity's registration basics (登记基本信息), one row per entity
//    subject, carried on the subject's line of an update bundle (optional there, so bundles from
//    before still apply). `registration_no` is the old registration number (注册号) the platform
//    maps to the entity; entities registered before the unified code exist only under it, so the
//    counter finds them by it.
//  - the list type `abnormal_operation` (经营异常名录). SQLite cannot change a CHECK constraint in
//    place, so `list_entry` is rebuilt with the same columns in the same order (the bulk writers
//    name them); `list_entry_measure` refers to it and is rebuilt around it. Foreign keys stay on
//    inside the migration's transaction: the rows are parked in temporary tables, the child table
//    dropped before its parent, and both written back parent first, so no key is ever dangling.
export default /* sql */ `
CREATE TABLE platform.entity_registration (
  subject_id             INTEGER PRIMARY KEY REFERENCES subject(id),
  registration_no        TEXT,
  entity_type            TEXT NOT NULL CHECK (entity_type IN ('enterprise','individual_business','farmers_coop','social_organisation','institution','other')),
  established_on         TEXT,
  registered_capital     TEXT,
  address                TEXT NOT NULL,
  business_scope         TEXT NOT NULL,
  registration_authority TEXT NOT NULL,
  operating_status       TEXT NOT NULL CHECK (operating_status IN ('subsisting','operating','suspended','liquidating','moved_out','revoked','deregistered')),
  legal_rep_id_number    TEXT
) STRICT;
CREATE INDEX platform.entity_registration_no ON entity_registration(registration_no) WHERE registration_no IS NOT NULL;

CREATE TEMP TABLE list_entry_keep AS SELECT * FROM platform.list_entry;
CREATE TEMP TABLE list_entry_measure_keep AS SELECT * FROM platform.list_entry_measure;
DROP TABLE platform.list_entry_measure;
DROP TABLE platform.list_entry;
CREATE TABLE platform.list_entry (id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL REFERENCES subject(id), central_id TEXT NOT NULL UNIQUE, list_type TEXT NOT NULL CHECK (list_type IN ('red','black','dishonest_debtor','abnormal_operation')), list_name TEXT NOT NULL, reason TEXT NOT NULL, basis TEXT NOT NULL, deciding_unit TEXT NOT NULL, record_id INTEGER REFERENCES record(id), entered_on TEXT NOT NULL, exit_on TEXT, status TEXT NOT NULL CHECK (status IN ('active','exited','removed'))) STRICT;
CREATE TABLE platform.list_entry_measure (list_entry_id INTEGER NOT NULL REFERENCES list_entry(id), measure_id INTEGER NOT NULL REFERENCES measure(id), PRIMARY KEY (list_entry_id, measure_id)) STRICT, WITHOUT ROWID;
INSERT INTO platform.list_entry SELECT * FROM temp.list_entry_keep;
INSERT INTO platform.list_entry_measure SELECT * FROM temp.list_entry_measure_keep;
CREATE INDEX platform.list_entry_record ON list_entry(record_id) WHERE record_id IS NOT NULL;
CREATE INDEX platform.list_entry_subject ON list_entry(subject_id);
DROP TABLE temp.list_entry_keep;
DROP TABLE temp.list_entry_measure_keep;
`;
