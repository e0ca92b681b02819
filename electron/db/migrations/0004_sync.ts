// Air-gapped sync (DESIGN.md §7, docs/bundle-format.md): the pinned platform keyring, per-channel
// sequence state, the history of bundles in and out, and the roster of other offices' report keys.
// Everything a bundle changes is written in the same transaction that advances its channel, so a
// crash leaves either the old state or the new one, never a mixture.
export default /* sql */ `
-- Pinned platform keyring, one row per version; the highest version is the one in force.
-- envelope is the signed DSSE keyring exactly as received (verified again on every load).
CREATE TABLE sync_keyring (
  version      INTEGER PRIMARY KEY CHECK (version >= 1),
  envelope     TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  installed_at TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('provisioning','bundle'))
) STRICT;

-- Last applied bundle per (sender, recipient, channel) and the newest verified created-at (clock rule).
CREATE TABLE sync_channel (
  sender            TEXT NOT NULL,
  recipient         TEXT NOT NULL,
  channel           TEXT NOT NULL,
  last_sequence     INTEGER NOT NULL CHECK (last_sequence >= 1),
  last_hash         TEXT NOT NULL CHECK (length(last_hash) = 64),
  newest_created_at TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  PRIMARY KEY (sender, recipient, channel)
) STRICT, WITHOUT ROWID;

-- Every bundle offered for import: applied ones with their counts, refused ones with the reason.
CREATE TABLE sync_bundle_in (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  file_name    TEXT,
  bundle_hash  TEXT,
  sender       TEXT,
  channel      TEXT,
  purpose      TEXT,
  sequence     INTEGER,
  created_at   TEXT,
  expires_at   TEXT,
  result       TEXT NOT NULL CHECK (result IN ('applied','already_imported','refused')),
  counts       TEXT NOT NULL DEFAULT '{}',
  refused_code TEXT,
  refused_reason TEXT
) STRICT;
CREATE INDEX sync_bundle_in_at ON sync_bundle_in(id DESC);

-- Export bundles written by this office. ranges: the row-id ranges each kind covered, so the next
-- export starts after them; the bytes of an unacknowledged export are kept to be written again.
CREATE TABLE sync_bundle_out (
  sequence        INTEGER PRIMARY KEY CHECK (sequence >= 1),
  bundle_hash     TEXT NOT NULL UNIQUE,
  file_name       TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  size_bytes      INTEGER NOT NULL,
  counts          TEXT NOT NULL,
  ranges          TEXT NOT NULL,
  acknowledged_at TEXT
) STRICT;

-- Report-signing public keys of other offices, from the platform's roster (report verification).
CREATE TABLE sync_office_key (
  key_id         TEXT PRIMARY KEY,
  office_code    TEXT NOT NULL,
  office_name    TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('active','revoked')),
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX sync_office_key_office ON sync_office_key(office_code);

CREATE TRIGGER sync_bundle_in_no_delete BEFORE DELETE ON sync_bundle_in BEGIN SELECT RAISE(ABORT, 'sync_bundle_in is append-only'); END;
CREATE TRIGGER sync_bundle_in_no_update BEFORE UPDATE ON sync_bundle_in BEGIN SELECT RAISE(ABORT, 'sync_bundle_in is append-only'); END;
`;
