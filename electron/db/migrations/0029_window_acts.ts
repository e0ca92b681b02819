// A service hall (issue 23): a session belongs to the window it was opened at, and every visit and
// query-log row names the window it was made at: its number (窗口号, what the auditor reads and
// filters by) and the enrolled workstation's id (which of the workstations that held the number in
// turn). NULL: the office's own console (standalone, or the host's own screen). The log tables stay
// append-only: ADD COLUMN is not an UPDATE.
export default /* sql */ `
ALTER TABLE session ADD COLUMN window_id TEXT;
ALTER TABLE visit ADD COLUMN window_number INTEGER;
ALTER TABLE visit ADD COLUMN window_id TEXT;
ALTER TABLE query_log ADD COLUMN window_number INTEGER;
ALTER TABLE query_log ADD COLUMN window_id TEXT;
CREATE INDEX query_log_window ON query_log(window_number, at);
`;
