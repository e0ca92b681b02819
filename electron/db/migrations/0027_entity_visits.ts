// Issue 24, legal entities at the counter: a visit and its query-log row say whose record was
// looked up (a person's or an entity's), how an entity was found (by its unified social credit
// code, or by its old registration number, which the clerk confirmed having checked), and which
// of the entity's reports was asked for. The legal representative who comes in person is kept
// beside the visit like an agent's letter, with the business licence the clerk sighted. The log
// tables stay append-only: ADD COLUMN is not an UPDATE, and rows from before are persons'.
export default /* sql */ `
ALTER TABLE visit ADD COLUMN subject_kind TEXT NOT NULL DEFAULT 'person' CHECK (subject_kind IN ('person','entity'));
ALTER TABLE visit ADD COLUMN found_by TEXT CHECK (found_by IN ('credit_code','registration_no'));
ALTER TABLE visit ADD COLUMN clerk_confirmed INTEGER CHECK (clerk_confirmed IN (0,1));
ALTER TABLE visit ADD COLUMN report_kind TEXT CHECK (report_kind IN ('full','special'));
ALTER TABLE query_log ADD COLUMN subject_kind TEXT NOT NULL DEFAULT 'person' CHECK (subject_kind IN ('person','entity'));
ALTER TABLE query_log ADD COLUMN found_by TEXT CHECK (found_by IN ('credit_code','registration_no'));
ALTER TABLE query_log ADD COLUMN clerk_confirmed INTEGER CHECK (clerk_confirmed IN (0,1));

CREATE TABLE visit_legal_rep (
  visit_id        INTEGER PRIMARY KEY REFERENCES visit(id),
  id_number       TEXT NOT NULL,
  name            TEXT NOT NULL,
  licence_sighted INTEGER NOT NULL CHECK (licence_sighted = 1)
) STRICT;
CREATE TRIGGER visit_legal_rep_no_update BEFORE UPDATE ON visit_legal_rep BEGIN SELECT RAISE(ABORT, 'visit_legal_rep is append-only'); END;
CREATE TRIGGER visit_legal_rep_no_delete BEFORE DELETE ON visit_legal_rep BEGIN SELECT RAISE(ABORT, 'visit_legal_rep is append-only'); END;
`;
