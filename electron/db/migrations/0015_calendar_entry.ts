// A year's holiday arrangement entered by hand from the State Council's notice, when the platform
// has not yet sent it: proposed by an administrator, applied only once a second administrator or
// manager confirms it (four eyes on a table that moves every deadline), replaced by the platform's
// calendar when a bundle brings the year.
export default /* sql */ `
CREATE TABLE calendar_entry (
  id           INTEGER PRIMARY KEY,
  year         INTEGER NOT NULL,
  days         TEXT NOT NULL,
  notice       TEXT NOT NULL,
  proposed_by  INTEGER NOT NULL REFERENCES account(id),
  proposed_at  TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('pending','confirmed','withdrawn')),
  confirmed_by INTEGER REFERENCES account(id),
  confirmed_at TEXT
) STRICT;
CREATE INDEX calendar_entry_pending ON calendar_entry(year) WHERE status = 'pending';
`;
