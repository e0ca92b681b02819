// Signed checkpoints of the keyed audit chain (docs/security.md, "Audit trail"): the head event's
// sequence and MAC, and the newest visit and query-log ids, signed with the office signing key.
// They are written periodically, on close and into every export, so a cut-off tail shows.
export default /* sql */ `
CREATE TABLE audit_checkpoint (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  office_code    TEXT NOT NULL,
  head_seq       INTEGER NOT NULL,
  head_hash      TEXT NOT NULL,
  visit_max      INTEGER NOT NULL,
  query_log_max  INTEGER NOT NULL,
  key_id         TEXT NOT NULL,
  signature      TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;
`;
