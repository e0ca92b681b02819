// Indexes for the manager's dashboard and the log screens: each figure is a count over an index
// range (a day of visits, a month of decisions), never a scan of the table, so the dashboard stays
// fast at a million query-log rows. The log filters (clerk, subject, actor, date) get theirs too.
export default /* sql */ `
CREATE INDEX visit_started ON visit(started_at);
CREATE INDEX visit_clerk_started ON visit(clerk_id, started_at);
CREATE INDEX report_issued ON report(issued_at, clerk_id);
CREATE INDEX report_print_at ON report_print(at, copy_no, clerk_id);
CREATE INDEX objection_created_received ON objection(created_by, received_on);
CREATE INDEX repair_created_received ON repair(created_by, received_on);
CREATE INDEX objection_open_paused_due ON objection(is_open, paused, due_key);
CREATE INDEX objection_decided ON objection(decided_at, decide_by, latest_extended_by, extended_total_days) WHERE decided_at IS NOT NULL;
CREATE INDEX repair_decided ON repair(decided_at, due_on) WHERE decided_at IS NOT NULL;
CREATE INDEX query_log_clerk ON query_log(clerk_id, id);
CREATE INDEX query_log_at ON query_log(at);
CREATE INDEX audit_event_actor ON audit_event(actor, seq);
CREATE INDEX audit_event_at ON audit_event(at);
CREATE INDEX subject_name ON subject(name);
`;
