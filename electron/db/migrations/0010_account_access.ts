// Access control (issue 10): an admin's reset forces the owner to choose a new password before
// anything else; resets of and role changes to or from an administrator wait for a second
// administrator's approval, so one admin alone can never take over another admin's account.
export default /* sql */ `
ALTER TABLE account ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0,1));
ALTER TABLE account ADD COLUMN password_changed_at TEXT;

CREATE TABLE admin_request (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('reset_password','set_role')),
  account_id    INTEGER NOT NULL REFERENCES account(id),
  -- reset_password: the new scrypt hash; set_role: the new role. Never a plaintext password.
  payload       TEXT NOT NULL,
  requested_by  INTEGER NOT NULL REFERENCES account(id),
  requested_at  TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('pending','approved','cancelled')),
  decided_by    INTEGER REFERENCES account(id),
  decided_at    TEXT
) STRICT;
CREATE INDEX admin_request_pending ON admin_request(state, account_id);
`;
