// The office host's windows (issue 23): each enrolled workstation, by the id its client
// certificate names, and the one-time codes an administrator makes to enrol one. A code is kept
// only as the SHA-256 of its secret (80 random bits, so a hash cannot be walked back); it is spent
// by setting used_at, and good until expires_at on the office clock.
export default /* sql */ `
CREATE TABLE office_window (
  id            TEXT PRIMARY KEY,
  number        INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
  name          TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('active','disabled','revoked')),
  cert_sha256   TEXT NOT NULL UNIQUE,
  enrolled_at   TEXT NOT NULL,
  changed_at    TEXT NOT NULL,
  last_contact_at TEXT
) STRICT;
-- One window per number, except those revoked (a re-enrolled window 3 revokes the old one).
CREATE UNIQUE INDEX office_window_live_number ON office_window(number) WHERE status <> 'revoked';

CREATE TABLE window_enrollment_code (
  id            INTEGER PRIMARY KEY,
  secret_sha256 TEXT NOT NULL UNIQUE,
  window_number INTEGER NOT NULL CHECK (window_number BETWEEN 1 AND 999),
  window_name   TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES account(id),
  used_at       TEXT,
  window_id     TEXT REFERENCES office_window(id)
) STRICT;
`;
