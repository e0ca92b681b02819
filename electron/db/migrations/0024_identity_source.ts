// Proof of presence (issue 25): how the identity of the person at the counter was taken, on the
// visit and on each query-log row. 'card' means the core's own read of the card, whose reader's
// security-module id is kept beside it; 'typed' means typed, with the reason where the profile
// asks for one. Rows from before were all typed, which is what the default says. The photo is
// never stored. The log tables stay append-only: ADD COLUMN is not an UPDATE.
export default /* sql */ `
ALTER TABLE visit ADD COLUMN identity_source TEXT NOT NULL DEFAULT 'typed' CHECK (identity_source IN ('typed','card'));
ALTER TABLE visit ADD COLUMN reader_sam_id TEXT;
ALTER TABLE visit ADD COLUMN identity_reason TEXT CHECK (identity_reason IN ('reader_unavailable','card_unreadable','card_not_supported','other'));
ALTER TABLE visit ADD COLUMN identity_note TEXT;
ALTER TABLE query_log ADD COLUMN identity_source TEXT NOT NULL DEFAULT 'typed' CHECK (identity_source IN ('typed','card'));
ALTER TABLE query_log ADD COLUMN reader_sam_id TEXT;
`;
