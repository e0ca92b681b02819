// Objections (异议) and credit-repair cases (信用修复): cases with an append-only event history,
// the records they concern as they were at intake, printed receipts, the export outbox, and the
// official working-day calendar (DESIGN.md §6). The queue indexes put open cases first and order
// them by due date, so a page of 100,000 cases is an index range scan, never a sort of the table.
export default /* sql */ `
CREATE TABLE calendar_day (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
  name TEXT
) STRICT, WITHOUT ROWID;

-- The years calendar_day is complete for; a year absent here is "not loaded", never "no holidays".
CREATE TABLE calendar_year (
  year   INTEGER PRIMARY KEY,
  source TEXT NOT NULL
) STRICT;

CREATE TABLE objection (
  id                INTEGER PRIMARY KEY,
  case_no           TEXT NOT NULL UNIQUE,
  subject_id        INTEGER NOT NULL REFERENCES subject(id),
  id_number         TEXT NOT NULL,
  visit_id          INTEGER REFERENCES visit(id),
  applicant_kind    TEXT NOT NULL CHECK (applicant_kind IN ('self','agent')),
  scope             TEXT NOT NULL,
  description       TEXT NOT NULL,
  profile_id        TEXT NOT NULL,
  provider_unit     TEXT NOT NULL,
  route             TEXT CHECK (route IN ('own','provider')),
  state             TEXT NOT NULL CHECK (state IN ('received','accepted','rejected','verifying','decided','notified','closed')),
  is_open           INTEGER NOT NULL CHECK (is_open IN (0,1)),
  received_on       TEXT NOT NULL,
  received_at       TEXT NOT NULL,
  forwarded_on      TEXT,
  provider_replied_on TEXT,
  annotate_by       TEXT,
  forward_by        TEXT,
  provider_verify_by TEXT,
  decide_by         TEXT,
  -- The next binding deadline of the current step (annotate, forward, provider reply or decide):
  -- the queue sorts on it and a case past it is overdue.
  due_on            TEXT,
  -- Sort key: a case whose deadline could not be counted (calendar year missing) sorts first.
  due_key           TEXT GENERATED ALWAYS AS (coalesce(due_on, '')) VIRTUAL,
  latest_extended_by TEXT,
  extended_total_days INTEGER,
  pauses            TEXT NOT NULL DEFAULT '[]',
  paused            INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0,1)),
  calendar_gap      TEXT,
  assignee_id       INTEGER REFERENCES account(id),
  escalated_at      TEXT,
  outcome           TEXT,
  outcome_reason    TEXT,
  decided_at        TEXT,
  closed_at         TEXT,
  created_by        INTEGER NOT NULL REFERENCES account(id)
) STRICT;
CREATE INDEX objection_open_due ON objection(is_open, due_key, id);
CREATE INDEX objection_open_received ON objection(is_open, received_on, id);
CREATE INDEX objection_state_due ON objection(state, due_key, id);
CREATE INDEX objection_assignee ON objection(assignee_id, is_open, due_key, id);
CREATE INDEX objection_provider ON objection(provider_unit, is_open, due_key, id);
CREATE INDEX objection_received ON objection(received_on, id);
CREATE INDEX objection_provider_received ON objection(provider_unit, received_on, id);
CREATE INDEX objection_to_escalate ON objection(due_key) WHERE is_open = 1 AND escalated_at IS NULL;
CREATE INDEX objection_id_number ON objection(id_number, id);
CREATE INDEX objection_subject ON objection(subject_id, is_open);

CREATE TABLE objection_record (
  objection_id  INTEGER NOT NULL REFERENCES objection(id),
  record_id     INTEGER NOT NULL REFERENCES record(id),
  status_before TEXT NOT NULL,
  snapshot      TEXT NOT NULL,
  PRIMARY KEY (objection_id, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX objection_record_record ON objection_record(record_id);

-- Scans uploaded through attachment.upload share the content-addressed store of migration 0002.
CREATE TABLE objection_attachment (
  objection_id INTEGER NOT NULL REFERENCES objection(id),
  sha256       TEXT NOT NULL REFERENCES attachment(sha256),
  file_name    TEXT NOT NULL,
  PRIMARY KEY (objection_id, sha256)
) STRICT, WITHOUT ROWID;

CREATE TABLE objection_event (
  id           INTEGER PRIMARY KEY,
  objection_id INTEGER NOT NULL REFERENCES objection(id),
  at           TEXT NOT NULL,
  actor_id     INTEGER REFERENCES account(id),
  actor        TEXT,
  action       TEXT NOT NULL,
  from_state   TEXT,
  to_state     TEXT,
  reason       TEXT,
  detail       TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX objection_event_case ON objection_event(objection_id, id);

CREATE TABLE repair (
  id              INTEGER PRIMARY KEY,
  case_no         TEXT NOT NULL UNIQUE,
  subject_id      INTEGER NOT NULL REFERENCES subject(id),
  id_number       TEXT NOT NULL,
  record_id       INTEGER NOT NULL REFERENCES record(id),
  visit_id        INTEGER REFERENCES visit(id),
  applicant_kind  TEXT NOT NULL CHECK (applicant_kind IN ('self','agent')),
  profile_id      TEXT NOT NULL,
  provider_unit   TEXT NOT NULL,
  evidence        TEXT NOT NULL,
  eligibility     TEXT NOT NULL,
  snapshot        TEXT NOT NULL,
  status_before   TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('received','accepted','rejected','forwarded','approved','denied','closed')),
  is_open         INTEGER NOT NULL CHECK (is_open IN (0,1)),
  received_on     TEXT NOT NULL,
  received_at     TEXT NOT NULL,
  due_on          TEXT,
  due_key         TEXT GENERATED ALWAYS AS (coalesce(due_on, '')) VIRTUAL,
  calendar_gap    TEXT,
  assignee_id     INTEGER REFERENCES account(id),
  escalated_at    TEXT,
  outcome_reason  TEXT,
  decided_at      TEXT,
  closed_at       TEXT,
  created_by      INTEGER NOT NULL REFERENCES account(id)
) STRICT;
CREATE INDEX repair_open_due ON repair(is_open, due_key, id);
CREATE INDEX repair_open_received ON repair(is_open, received_on, id);
CREATE INDEX repair_state_due ON repair(state, due_key, id);
CREATE INDEX repair_assignee ON repair(assignee_id, is_open, due_key, id);
CREATE INDEX repair_provider ON repair(provider_unit, is_open, due_key, id);
CREATE INDEX repair_received ON repair(received_on, id);
CREATE INDEX repair_provider_received ON repair(provider_unit, received_on, id);
CREATE INDEX repair_to_escalate ON repair(due_key) WHERE is_open = 1 AND escalated_at IS NULL;
CREATE INDEX repair_id_number ON repair(id_number, id);
CREATE INDEX repair_record ON repair(record_id, is_open);

CREATE TABLE repair_event (
  id         INTEGER PRIMARY KEY,
  repair_id  INTEGER NOT NULL REFERENCES repair(id),
  at         TEXT NOT NULL,
  actor_id   INTEGER REFERENCES account(id),
  actor      TEXT,
  action     TEXT NOT NULL,
  from_state TEXT,
  to_state   TEXT,
  reason     TEXT,
  detail     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX repair_event_case ON repair_event(repair_id, id);

CREATE TABLE receipt (
  id         INTEGER PRIMARY KEY,
  case_kind  TEXT NOT NULL CHECK (case_kind IN ('objection','repair')),
  case_id    INTEGER NOT NULL,
  receipt_no TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES account(id),
  content    TEXT NOT NULL,
  copies     INTEGER NOT NULL DEFAULT 0,
  last_printed_at TEXT
) STRICT;
CREATE INDEX receipt_case ON receipt(case_kind, case_id, id);

-- Office events waiting for the next export bundle (forwards to providing units, decisions).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,
  ref             TEXT NOT NULL,
  payload         TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  exported_bundle TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(id) WHERE exported_bundle IS NULL;

-- Case histories are append-only, like the other logs.
CREATE TRIGGER objection_event_no_update BEFORE UPDATE ON objection_event BEGIN SELECT RAISE(ABORT, 'objection_event is append-only'); END;
CREATE TRIGGER objection_event_no_delete BEFORE DELETE ON objection_event BEGIN SELECT RAISE(ABORT, 'objection_event is append-only'); END;
CREATE TRIGGER repair_event_no_update BEFORE UPDATE ON repair_event BEGIN SELECT RAISE(ABORT, 'repair_event is append-only'); END;
CREATE TRIGGER repair_event_no_delete BEFORE DELETE ON repair_event BEGIN SELECT RAISE(ABORT, 'repair_event is append-only'); END;
`;
