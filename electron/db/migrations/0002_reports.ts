// Counter service: agent authorizations, scanned letters, personal statements, issued reports and
// their prints. Everything here is evidence of who was served and what left the office, so all of
// it is append-only through SQLite (the audit chain covers edits underneath).
export default /* sql */ `
-- Scanned letters and other evidence, stored once by content hash: the bytes live in
-- <dataDir>/attachments/<sha256>, this row says what they are. Shared with the cases module.
CREATE TABLE attachment (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  media_type  TEXT NOT NULL,
  size_bytes  INTEGER NOT NULL CHECK (size_bytes > 0),
  created_at  TEXT NOT NULL
) STRICT;

-- The written authorization an agent presented at the counter (one per agent visit).
CREATE TABLE visit_authorization (
  visit_id          INTEGER PRIMARY KEY REFERENCES visit(id),
  agent_id_number   TEXT NOT NULL,
  agent_name        TEXT NOT NULL,
  document_no       TEXT NOT NULL,
  scope             TEXT NOT NULL CHECK (json_valid(scope) AND json_array_length(scope) > 0),
  valid_from        TEXT NOT NULL,
  valid_to          TEXT NOT NULL CHECK (valid_to >= valid_from),
  notarised         INTEGER NOT NULL CHECK (notarised IN (0,1)),
  attachment_sha256 TEXT REFERENCES attachment(sha256),
  attachment_name   TEXT
) STRICT;

-- 本人声明: on the subject as a whole (record_id NULL) or on one record.
CREATE TABLE statement (
  id          INTEGER PRIMARY KEY,
  subject_id  INTEGER NOT NULL REFERENCES subject(id),
  record_id   INTEGER REFERENCES record(id),
  visit_id    INTEGER NOT NULL REFERENCES visit(id),
  clerk_id    INTEGER NOT NULL REFERENCES account(id),
  text        TEXT NOT NULL CHECK (length(text) > 0),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX statement_subject ON statement(subject_id, id);

-- An issued report: its signed canonical content is kept so that a reprint is the same report.
-- id_number rather than subject_id counts free reports, so "no record" reports count too.
CREATE TABLE report (
  id            INTEGER PRIMARY KEY,
  report_no     TEXT NOT NULL UNIQUE,
  visit_id      INTEGER NOT NULL UNIQUE REFERENCES visit(id),
  subject_id    INTEGER REFERENCES subject(id),
  id_number     TEXT NOT NULL,
  issued_at     TEXT NOT NULL,
  issued_year   TEXT NOT NULL,
  clerk_id      INTEGER NOT NULL REFERENCES account(id),
  beyond_free   INTEGER NOT NULL CHECK (beyond_free IN (0,1)),
  content_json  TEXT NOT NULL,
  digest        TEXT NOT NULL,
  qr_payload    TEXT NOT NULL,
  signature     TEXT NOT NULL,
  key_id        TEXT NOT NULL,
  verify_code   TEXT NOT NULL
) STRICT;
CREATE INDEX report_id_number_year ON report(id_number, issued_year);

-- Every copy that left the office: copy 1 is the original, later copies are reprints.
CREATE TABLE report_print (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES report(id),
  copy_no    INTEGER NOT NULL CHECK (copy_no >= 1),
  kind       TEXT NOT NULL CHECK (kind IN ('print','pdf')),
  at         TEXT NOT NULL,
  clerk_id   INTEGER NOT NULL REFERENCES account(id),
  UNIQUE (report_id, copy_no)
) STRICT;

CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment BEGIN SELECT RAISE(ABORT, 'attachment is append-only'); END;
CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment BEGIN SELECT RAISE(ABORT, 'attachment is append-only'); END;
CREATE TRIGGER visit_authorization_no_update BEFORE UPDATE ON visit_authorization BEGIN SELECT RAISE(ABORT, 'visit_authorization is append-only'); END;
CREATE TRIGGER visit_authorization_no_delete BEFORE DELETE ON visit_authorization BEGIN SELECT RAISE(ABORT, 'visit_authorization is append-only'); END;
CREATE TRIGGER statement_no_update BEFORE UPDATE ON statement BEGIN SELECT RAISE(ABORT, 'statement is append-only'); END;
CREATE TRIGGER statement_no_delete BEFORE DELETE ON statement BEGIN SELECT RAISE(ABORT, 'statement is append-only'); END;
CREATE TRIGGER report_no_update BEFORE UPDATE ON report BEGIN SELECT RAISE(ABORT, 'report is append-only'); END;
CREATE TRIGGER report_no_delete BEFORE DELETE ON report BEGIN SELECT RAISE(ABORT, 'report is append-only'); END;
CREATE TRIGGER report_print_no_update BEFORE UPDATE ON report_print BEGIN SELECT RAISE(ABORT, 'report_print is append-only'); END;
CREATE TRIGGER report_print_no_delete BEFORE DELETE ON report_print BEGIN SELECT RAISE(ABORT, 'report_print is append-only'); END;
`;
