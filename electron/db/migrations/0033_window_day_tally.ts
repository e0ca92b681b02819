// Issue 23: the manager's dashboard shows today's work per window. Counting the day's query-log
// rows, reports and intakes at read time added 2 ms to the dashboard's p50 (2,500 lookups a day in
// the bench); like day_tally (migration 21), triggers keep a per-day, per-window tally in the same
// transaction as the row they count, so the read is one row per window. query_log and report are
// append-only; an objection's or repair's received_on and visit never change once taken, and cases
// are never deleted. Window 0 is the office's own console (a NULL cannot be part of the key).
// Reports and intakes count at the window of the visit they belong to.
export default /* sql */ `
CREATE TABLE window_day_tally (
  day           TEXT NOT NULL,
  window_number INTEGER NOT NULL,
  lookups       INTEGER NOT NULL DEFAULT 0,
  reports       INTEGER NOT NULL DEFAULT 0,
  intakes       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, window_number)
) STRICT, WITHOUT ROWID;

INSERT INTO window_day_tally (day, window_number, lookups)
  SELECT date(at, '+8 hours'), coalesce(window_number, 0), count(*) FROM query_log WHERE true GROUP BY 1, 2;
INSERT INTO window_day_tally (day, window_number, reports)
  SELECT date(r.issued_at, '+8 hours'), coalesce(v.window_number, 0), count(*) FROM report r JOIN visit v ON v.id = r.visit_id WHERE true GROUP BY 1, 2
  ON CONFLICT (day, window_number) DO UPDATE SET reports = excluded.reports;
INSERT INTO window_day_tally (day, window_number, intakes)
  SELECT day, w, count(*) FROM (
    SELECT c.received_on AS day, coalesce(v.window_number, 0) AS w FROM objection c LEFT JOIN visit v ON v.id = c.visit_id
    UNION ALL SELECT c.received_on, coalesce(v.window_number, 0) FROM repair c LEFT JOIN visit v ON v.id = c.visit_id) WHERE true GROUP BY 1, 2
  ON CONFLICT (day, window_number) DO UPDATE SET intakes = excluded.intakes;

CREATE TRIGGER query_log_window_day_tally AFTER INSERT ON query_log BEGIN
  INSERT INTO window_day_tally (day, window_number, lookups) VALUES (date(NEW.at, '+8 hours'), coalesce(NEW.window_number, 0), 1)
  ON CONFLICT (day, window_number) DO UPDATE SET lookups = lookups + 1;
END;
CREATE TRIGGER report_window_day_tally AFTER INSERT ON report BEGIN
  INSERT INTO window_day_tally (day, window_number, reports)
    VALUES (date(NEW.issued_at, '+8 hours'), coalesce((SELECT window_number FROM visit WHERE id = NEW.visit_id), 0), 1)
  ON CONFLICT (day, window_number) DO UPDATE SET reports = reports + 1;
END;
CREATE TRIGGER objection_window_day_tally AFTER INSERT ON objection BEGIN
  INSERT INTO window_day_tally (day, window_number, intakes)
    VALUES (NEW.received_on, coalesce((SELECT window_number FROM visit WHERE id = NEW.visit_id), 0), 1)
  ON CONFLICT (day, window_number) DO UPDATE SET intakes = intakes + 1;
END;
CREATE TRIGGER repair_window_day_tally AFTER INSERT ON repair BEGIN
  INSERT INTO window_day_tally (day, window_number, intakes)
    VALUES (NEW.received_on, coalesce((SELECT window_number FROM visit WHERE id = NEW.visit_id), 0), 1)
  ON CONFLICT (day, window_number) DO UPDATE SET intakes = intakes + 1;
END;
`;
