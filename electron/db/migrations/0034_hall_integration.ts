// Hall integration (issue 23). A visit keeps the hall's queue ticket (排队号) and case number
// (办件编号) it was opened with: ADD COLUMN, not an UPDATE, so the visit stays append-only and its
// chained columns (and so its row hash) are as before. The register filters by case number through
// the visit: query_log had no index on visit_id, so the filter would have read the whole register.
//
// A visit ends once (结束接待): visit_end is append-only like the visit. The office's evaluation
// device (好差评) is told of each end after the end commits; hall_evaluation is that notification's
// delivery state (pending, then delivered or failed once), the one mutable table here, read by the
// administrator's settings screen. Acts are counted for the notification by the visit they belong
// to, hence the visit_id indexes on the case and statement tables.
export default /* sql */ `
ALTER TABLE visit ADD COLUMN queue_ticket TEXT;
ALTER TABLE visit ADD COLUMN hall_case_no TEXT;
CREATE INDEX visit_hall_case_no ON visit(hall_case_no) WHERE hall_case_no IS NOT NULL;
CREATE INDEX query_log_visit ON query_log(visit_id);
CREATE INDEX objection_visit ON objection(visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX repair_visit ON repair(visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX statement_visit ON statement(visit_id);

CREATE TABLE visit_end (
  visit_id  INTEGER PRIMARY KEY REFERENCES visit(id),
  ended_at  TEXT NOT NULL,
  clerk_id  INTEGER NOT NULL REFERENCES account(id)
) STRICT;
CREATE TRIGGER visit_end_no_update BEFORE UPDATE ON visit_end BEGIN SELECT RAISE(ABORT, 'visit_end is append-only'); END;
CREATE TRIGGER visit_end_no_delete BEFORE DELETE ON visit_end BEGIN SELECT RAISE(ABORT, 'visit_end is append-only'); END;

CREATE TABLE hall_evaluation (
  visit_id     INTEGER PRIMARY KEY REFERENCES visit(id),
  queued_at    TEXT NOT NULL,
  url          TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  settled_at   TEXT,
  failure      TEXT CHECK (failure IN ('device_unreachable', 'device_timeout', 'device_http_error', 'device_transport', 'device_interrupted')),
  http_status  INTEGER
) STRICT;
CREATE INDEX hall_evaluation_state ON hall_evaluation(state, queued_at);
`;
