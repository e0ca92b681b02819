// A window's call answered once (issue 23): a call from a window carries a key its relay made, and
// the host keeps the answer under (window, key) for a day. When the link drops before the answer
// arrives, the relay sends the same call again with the same key and gets the first answer back:
// a retry never opens a second visit, receipt or case. Not chained: it holds answers, not acts
// (each act is in its own register and the audit chain).
export default /* sql */ `
CREATE TABLE window_call (window_id TEXT NOT NULL, call_key TEXT NOT NULL, method TEXT NOT NULL, at TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (window_id, call_key)) STRICT;
CREATE INDEX window_call_at ON window_call(at);
`;
