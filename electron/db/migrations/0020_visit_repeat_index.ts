// The counter reuses a visit when the same clerk sends the same lookup again within a short window
// (a double Enter, a second click): that check runs on every lookup, so it needs its own index
// instead of a scan of every visit the office ever had.
export default /* sql */ `
CREATE INDEX visit_repeat ON visit(clerk_id, id_number, started_at);
`;
