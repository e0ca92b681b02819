// The platform's data (subjects, records, lists, measures: replaceable, large, written by sync
// imports) moves to its own database file beside the office's own records (visits, query log,
// reports, cases, audit: small, precious, append-only), attached as schema "platform". An import
// then writes the platform file on its own connection while counter work writes the office file:
// a long import no longer holds the lock a lookup needs (docs/architecture.md, "Two files").
//
// This step copies the tables over and drops the office tables' foreign keys into them (SQLite
// cannot enforce a key across files): a constraint-only change, made by editing the stored table
// text as the SQLite documentation describes for exactly this case. Migration 23 drops the
// originals, in a transaction of its own that first checks the copy is complete.
export default /* sql */ `
DROP TABLE IF EXISTS platform.sync_import_pending;
DROP TABLE IF EXISTS platform.list_entry_measure;
DROP TABLE IF EXISTS platform.list_entry;
DROP TABLE IF EXISTS platform.measure;
DROP TABLE IF EXISTS platform.record;
DROP TABLE IF EXISTS platform.subject;
CREATE TABLE platform.subject (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('person','entity')), id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, gender TEXT CHECK (gender IN ('M','F')), birth_date TEXT, legal_rep TEXT, region_code TEXT NOT NULL, central_id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL) STRICT;
CREATE TABLE platform.record (id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL REFERENCES subject(id), central_id TEXT NOT NULL UNIQUE, category TEXT NOT NULL, domain TEXT NOT NULL, severity TEXT CHECK (severity IN ('minor','ordinary','serious')), title TEXT NOT NULL, content TEXT NOT NULL, provider_unit TEXT NOT NULL, document_no TEXT NOT NULL, occurred_on TEXT NOT NULL, decided_on TEXT NOT NULL, publicity_start TEXT NOT NULL, publicity_end TEXT, status TEXT NOT NULL CHECK (status IN ('active','under_objection','corrected','revoked','repaired','expired')), version INTEGER NOT NULL , penalty_kind TEXT CHECK (penalty_kind IN ('warning','criticism','fine','confiscation','licence_suspension','qualification_downgrade','licence_revocation', 'activity_restriction','production_suspension','closure','employment_restriction','detention','other'))) STRICT;
CREATE TABLE platform.measure (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('reward','punishment')), mandatory INTEGER NOT NULL CHECK (mandatory IN (0,1)), title TEXT NOT NULL, basis TEXT NOT NULL) STRICT;
CREATE TABLE platform.list_entry (id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL REFERENCES subject(id), central_id TEXT NOT NULL UNIQUE, list_type TEXT NOT NULL CHECK (list_type IN ('red','black','dishonest_debtor')), list_name TEXT NOT NULL, reason TEXT NOT NULL, basis TEXT NOT NULL, deciding_unit TEXT NOT NULL, record_id INTEGER REFERENCES record(id), entered_on TEXT NOT NULL, exit_on TEXT, status TEXT NOT NULL CHECK (status IN ('active','exited','removed'))) STRICT;
CREATE TABLE platform.list_entry_measure (list_entry_id INTEGER NOT NULL REFERENCES list_entry(id), measure_id INTEGER NOT NULL REFERENCES measure(id), PRIMARY KEY (list_entry_id, measure_id)) STRICT, WITHOUT ROWID;
CREATE INDEX platform.list_entry_record ON list_entry(record_id) WHERE record_id IS NOT NULL;
CREATE INDEX platform.list_entry_subject ON list_entry(subject_id);
CREATE INDEX platform.record_subject ON record(subject_id);
CREATE INDEX platform.subject_name ON subject(name);
INSERT INTO platform.subject SELECT * FROM main.subject;
INSERT INTO platform.record SELECT * FROM main.record;
INSERT INTO platform.measure SELECT * FROM main.measure;
INSERT INTO platform.list_entry SELECT * FROM main.list_entry;
INSERT INTO platform.list_entry_measure SELECT * FROM main.list_entry_measure;

-- Written in the same platform transaction as an import's data; the office half of that import
-- then commits on the office file and removes the row. A row found at start-up is an import whose
-- office half did not commit: it is finished from here (bundle-security.md 8).
CREATE TABLE platform.sync_import_pending (
  bundle_hash TEXT PRIMARY KEY,
  at          TEXT NOT NULL,
  office_part TEXT NOT NULL
) STRICT;

-- Record marks an objection accepted during an import could not write yet (the import holds the
-- platform file); the import's office half writes them. The annotation shows meanwhile anyway: it
-- is read from the open objection as well as from the record's status.
DROP TABLE IF EXISTS main.record_mark_pending;
CREATE TABLE main.record_mark_pending (
  record_id INTEGER PRIMARY KEY,
  status    TEXT NOT NULL CHECK (status IN ('under_objection'))
) STRICT;

PRAGMA writable_schema = ON;
UPDATE main.sqlite_master SET sql = replace(replace(sql, ' REFERENCES subject(id)', ''), ' REFERENCES record(id)', '')
 WHERE type = 'table' AND name IN ('visit', 'query_log', 'statement', 'report', 'objection', 'objection_record', 'repair');
PRAGMA writable_schema = RESET;
`;
