// Foundation schema: office settings, accounts and sessions, the subject/record cache, lists and
// measures, visits and the query log, and the hash-chained audit log. STRICT tables so a wrong type
// is an error, not a silent coercion.
export default /* sql */ `
CREATE TABLE office_setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE account (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('clerk','manager','operator','auditor','admin')),
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE session (
  token_hash   TEXT PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES account(id),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  locked       INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0,1)),
  ended_at     TEXT
) STRICT;
CREATE INDEX session_account ON session(account_id);

CREATE TABLE subject (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('person','entity')),
  id_number   TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  gender      TEXT CHECK (gender IN ('M','F')),
  birth_date  TEXT,
  legal_rep   TEXT,
  region_code TEXT NOT NULL,
  central_id  TEXT NOT NULL UNIQUE,
  version     INTEGER NOT NULL
) STRICT;

CREATE TABLE record (
  id              INTEGER PRIMARY KEY,
  subject_id      INTEGER NOT NULL REFERENCES subject(id),
  central_id      TEXT NOT NULL UNIQUE,
  category        TEXT NOT NULL,
  domain          TEXT NOT NULL,
  severity        TEXT CHECK (severity IN ('minor','ordinary','serious')),
  title           TEXT NOT NULL,
  content         TEXT NOT NULL,
  provider_unit   TEXT NOT NULL,
  document_no     TEXT NOT NULL,
  occurred_on     TEXT NOT NULL,
  decided_on      TEXT NOT NULL,
  publicity_start TEXT NOT NULL,
  publicity_end   TEXT,
  status          TEXT NOT NULL CHECK (status IN ('active','under_objection','corrected','revoked','repaired','expired')),
  version         INTEGER NOT NULL
) STRICT;
CREATE INDEX record_subject ON record(subject_id);

CREATE TABLE measure (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  kind      TEXT NOT NULL CHECK (kind IN ('reward','punishment')),
  mandatory INTEGER NOT NULL CHECK (mandatory IN (0,1)),
  title     TEXT NOT NULL,
  basis     TEXT NOT NULL
) STRICT;

CREATE TABLE list_entry (
  id            INTEGER PRIMARY KEY,
  subject_id    INTEGER NOT NULL REFERENCES subject(id),
  central_id    TEXT NOT NULL UNIQUE,
  list_type     TEXT NOT NULL CHECK (list_type IN ('red','black','dishonest_debtor')),
  list_name     TEXT NOT NULL,
  reason        TEXT NOT NULL,
  basis         TEXT NOT NULL,
  deciding_unit TEXT NOT NULL,
  record_id     INTEGER REFERENCES record(id),
  entered_on    TEXT NOT NULL,
  exit_on       TEXT,
  status        TEXT NOT NULL CHECK (status IN ('active','exited','removed'))
) STRICT;
CREATE INDEX list_entry_subject ON list_entry(subject_id);
CREATE INDEX list_entry_record ON list_entry(record_id) WHERE record_id IS NOT NULL;

CREATE TABLE list_entry_measure (
  list_entry_id INTEGER NOT NULL REFERENCES list_entry(id),
  measure_id    INTEGER NOT NULL REFERENCES measure(id),
  PRIMARY KEY (list_entry_id, measure_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE visit (
  id             INTEGER PRIMARY KEY,
  started_at     TEXT NOT NULL,
  clerk_id       INTEGER NOT NULL REFERENCES account(id),
  id_number      TEXT NOT NULL,
  name           TEXT NOT NULL,
  subject_id     INTEGER REFERENCES subject(id),
  applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('self','agent')),
  purpose_code   TEXT NOT NULL,
  purpose_text   TEXT
) STRICT;

CREATE TABLE query_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  visit_id     INTEGER NOT NULL REFERENCES visit(id),
  clerk_id     INTEGER NOT NULL REFERENCES account(id),
  subject_id   INTEGER REFERENCES subject(id),
  id_number    TEXT NOT NULL,
  office_code  TEXT NOT NULL,
  purpose_code TEXT NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('found','no_record'))
) STRICT;
CREATE INDEX query_log_subject ON query_log(subject_id, at);
CREATE INDEX query_log_id_number ON query_log(id_number, id);

CREATE TABLE audit_event (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor_id  INTEGER,
  actor     TEXT,
  action    TEXT NOT NULL,
  target    TEXT,
  detail    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_event_action ON audit_event(action, seq);

-- Logs are append-only for everything that goes through SQLite; the audit hash chain catches
-- whoever edits the file underneath (creditdesk audit verify).
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER query_log_no_update BEFORE UPDATE ON query_log BEGIN SELECT RAISE(ABORT, 'query_log is append-only'); END;
CREATE TRIGGER query_log_no_delete BEFORE DELETE ON query_log BEGIN SELECT RAISE(ABORT, 'query_log is append-only'); END;
CREATE TRIGGER visit_no_update BEFORE UPDATE ON visit BEGIN SELECT RAISE(ABORT, 'visit is append-only'); END;
CREATE TRIGGER visit_no_delete BEFORE DELETE ON visit BEGIN SELECT RAISE(ABORT, 'visit is append-only'); END;
`;
