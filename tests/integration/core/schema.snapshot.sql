-- schema version 34
-- index admin_request_pending
CREATE INDEX admin_request_pending ON admin_request(state, account_id);
-- index audit_event_action
CREATE INDEX audit_event_action ON audit_event(action, seq);
-- index audit_event_actor
CREATE INDEX audit_event_actor ON audit_event(actor, seq);
-- index audit_event_at
CREATE INDEX audit_event_at ON audit_event(at);
-- index audit_event_window
CREATE INDEX audit_event_window ON audit_event(json_extract(detail, '$.window'), seq) WHERE json_extract(detail, '$.window') IS NOT NULL;
-- index calendar_entry_pending
CREATE INDEX calendar_entry_pending ON calendar_entry(year) WHERE status = 'pending';
-- index hall_evaluation_state
CREATE INDEX hall_evaluation_state ON hall_evaluation(state, queued_at);
-- index objection_assignee
CREATE INDEX objection_assignee ON objection(assignee_id, is_open, due_key, id);
-- index objection_created_received
CREATE INDEX objection_created_received ON objection(created_by, received_on);
-- index objection_decided
CREATE INDEX objection_decided ON objection(decided_at, decide_by, latest_extended_by, extended_total_days) WHERE decided_at IS NOT NULL;
-- index objection_event_case
CREATE INDEX objection_event_case ON objection_event(objection_id, id);
-- index objection_id_number
CREATE INDEX objection_id_number ON objection(id_number, id);
-- index objection_open_due
CREATE INDEX objection_open_due ON objection(is_open, due_key, id);
-- index objection_open_paused_due
CREATE INDEX objection_open_paused_due ON objection(is_open, paused, due_key);
-- index objection_open_received
CREATE INDEX objection_open_received ON objection(is_open, received_on, id);
-- index objection_provider
CREATE INDEX objection_provider ON objection(provider_unit, is_open, due_key, id);
-- index objection_provider_received
CREATE INDEX objection_provider_received ON objection(provider_unit, received_on, id);
-- index objection_received
CREATE INDEX objection_received ON objection(received_on, id);
-- index objection_record_record
CREATE INDEX objection_record_record ON objection_record(record_id);
-- index objection_state_due
CREATE INDEX objection_state_due ON objection(state, due_key, id);
-- index objection_subject
CREATE INDEX objection_subject ON objection(subject_id, is_open);
-- index objection_to_escalate
CREATE INDEX objection_to_escalate ON objection(due_key) WHERE is_open = 1 AND escalated_at IS NULL;
-- index objection_visit
CREATE INDEX objection_visit ON objection(visit_id) WHERE visit_id IS NOT NULL;
-- index office_window_live_number
CREATE UNIQUE INDEX office_window_live_number ON office_window(number) WHERE status <> 'revoked';
-- index outbox_pending
CREATE INDEX outbox_pending ON outbox(id) WHERE exported_bundle IS NULL;
-- index query_log_at
CREATE INDEX query_log_at ON query_log(at);
-- index query_log_clerk
CREATE INDEX query_log_clerk ON query_log(clerk_id, id);
-- index query_log_id_number
CREATE INDEX query_log_id_number ON query_log(id_number, id);
-- index query_log_subject
CREATE INDEX query_log_subject ON query_log(subject_id, at);
-- index query_log_visit
CREATE INDEX query_log_visit ON query_log(visit_id);
-- index query_log_window
CREATE INDEX query_log_window ON query_log(window_number, at);
-- index receipt_case
CREATE INDEX receipt_case ON receipt(case_kind, case_id, id);
-- index repair_assignee
CREATE INDEX repair_assignee ON repair(assignee_id, is_open, due_key, id);
-- index repair_created_received
CREATE INDEX repair_created_received ON repair(created_by, received_on);
-- index repair_decided
CREATE INDEX repair_decided ON repair(decided_at, due_on) WHERE decided_at IS NOT NULL;
-- index repair_event_case
CREATE INDEX repair_event_case ON repair_event(repair_id, id);
-- index repair_id_number
CREATE INDEX repair_id_number ON repair(id_number, id);
-- index repair_open_due
CREATE INDEX repair_open_due ON repair(is_open, due_key, id);
-- index repair_open_received
CREATE INDEX repair_open_received ON repair(is_open, received_on, id);
-- index repair_provider
CREATE INDEX repair_provider ON repair(provider_unit, is_open, due_key, id);
-- index repair_provider_received
CREATE INDEX repair_provider_received ON repair(provider_unit, received_on, id);
-- index repair_received
CREATE INDEX repair_received ON repair(received_on, id);
-- index repair_record
CREATE INDEX repair_record ON repair(record_id, is_open);
-- index repair_state_due
CREATE INDEX repair_state_due ON repair(state, due_key, id);
-- index repair_to_escalate
CREATE INDEX repair_to_escalate ON repair(due_key) WHERE is_open = 1 AND escalated_at IS NULL;
-- index repair_visit
CREATE INDEX repair_visit ON repair(visit_id) WHERE visit_id IS NOT NULL;
-- index report_id_number_year
CREATE INDEX report_id_number_year ON report(id_number, issued_year);
-- index report_issued
CREATE INDEX report_issued ON report(issued_at, clerk_id);
-- index report_print_at
CREATE INDEX report_print_at ON report_print(at, copy_no, clerk_id);
-- index session_account
CREATE INDEX session_account ON session(account_id);
-- index statement_subject
CREATE INDEX statement_subject ON statement(subject_id, id);
-- index statement_visit
CREATE INDEX statement_visit ON statement(visit_id);
-- index sync_bundle_in_at
CREATE INDEX sync_bundle_in_at ON sync_bundle_in(id DESC);
-- index sync_office_key_office
CREATE INDEX sync_office_key_office ON sync_office_key(office_code);
-- index visit_clerk_started
CREATE INDEX visit_clerk_started ON visit(clerk_id, started_at);
-- index visit_hall_case_no
CREATE INDEX visit_hall_case_no ON visit(hall_case_no) WHERE hall_case_no IS NOT NULL;
-- index visit_repeat
CREATE INDEX visit_repeat ON visit(clerk_id, id_number, started_at);
-- index visit_started
CREATE INDEX visit_started ON visit(started_at);
-- index window_call_at
CREATE INDEX window_call_at ON window_call(at);
-- table account
CREATE TABLE account (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE, display_name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('clerk','manager','operator','auditor','admin')), password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0, locked_until TEXT, disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)), created_at TEXT NOT NULL , must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0,1)), password_changed_at TEXT) STRICT;
-- table admin_request
CREATE TABLE admin_request (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('reset_password','set_role')), account_id INTEGER NOT NULL REFERENCES account(id), -- reset_password: the new scrypt hash; set_role: the new role. Never a plaintext password. payload TEXT NOT NULL, requested_by INTEGER NOT NULL REFERENCES account(id), requested_at TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('pending','approved','cancelled')), decided_by INTEGER REFERENCES account(id), decided_at TEXT) STRICT;
-- table attachment
CREATE TABLE attachment (sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64), media_type TEXT NOT NULL, size_bytes INTEGER NOT NULL CHECK (size_bytes > 0), created_at TEXT NOT NULL) STRICT;
-- table audit_checkpoint
CREATE TABLE audit_checkpoint (id INTEGER PRIMARY KEY, at TEXT NOT NULL, office_code TEXT NOT NULL, head_seq INTEGER NOT NULL, head_hash TEXT NOT NULL, visit_max INTEGER NOT NULL, query_log_max INTEGER NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL) STRICT;
-- table audit_event
CREATE TABLE audit_event (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor_id INTEGER, actor TEXT, action TEXT NOT NULL, target TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
-- table calendar_day
CREATE TABLE calendar_day (date TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')), name TEXT) STRICT, WITHOUT ROWID;
-- table calendar_entry
CREATE TABLE calendar_entry (id INTEGER PRIMARY KEY, year INTEGER NOT NULL, days TEXT NOT NULL, notice TEXT NOT NULL, proposed_by INTEGER NOT NULL REFERENCES account(id), proposed_at TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('pending','confirmed','withdrawn')), confirmed_by INTEGER REFERENCES account(id), confirmed_at TEXT) STRICT;
-- table calendar_year
CREATE TABLE calendar_year (year INTEGER PRIMARY KEY, source TEXT NOT NULL) STRICT;
-- table day_tally
CREATE TABLE day_tally (day TEXT NOT NULL, clerk_id INTEGER NOT NULL REFERENCES account(id), visits INTEGER NOT NULL DEFAULT 0, reports INTEGER NOT NULL DEFAULT 0, reprints INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, clerk_id)) STRICT, WITHOUT ROWID;
-- table hall_evaluation
CREATE TABLE hall_evaluation (visit_id INTEGER PRIMARY KEY REFERENCES visit(id), queued_at TEXT NOT NULL, url TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')), attempts INTEGER NOT NULL DEFAULT 0, settled_at TEXT, failure TEXT CHECK (failure IN ('device_unreachable', 'device_timeout', 'device_http_error', 'device_transport', 'device_interrupted')), http_status INTEGER) STRICT;
-- table objection
CREATE TABLE objection (id INTEGER PRIMARY KEY, case_no TEXT NOT NULL UNIQUE, subject_id INTEGER NOT NULL, id_number TEXT NOT NULL, visit_id INTEGER REFERENCES visit(id), applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('self','agent')), scope TEXT NOT NULL, description TEXT NOT NULL, profile_id TEXT NOT NULL, provider_unit TEXT NOT NULL, route TEXT CHECK (route IN ('own','provider')), state TEXT NOT NULL CHECK (state IN ('received','accepted','rejected','verifying','decided','notified','closed')), is_open INTEGER NOT NULL CHECK (is_open IN (0,1)), received_on TEXT NOT NULL, received_at TEXT NOT NULL, forwarded_on TEXT, provider_replied_on TEXT, annotate_by TEXT, forward_by TEXT, provider_verify_by TEXT, decide_by TEXT, -- The next binding deadline of the current step (annotate, forward, provider reply or decide): -- the queue sorts on it and a case past it is overdue. due_on TEXT, -- Sort key: a case whose deadline could not be counted (calendar year missing) sorts first. due_key TEXT GENERATED ALWAYS AS (coalesce(due_on, '')) VIRTUAL, latest_extended_by TEXT, extended_total_days INTEGER, pauses TEXT NOT NULL DEFAULT '[]', paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0,1)), calendar_gap TEXT, assignee_id INTEGER REFERENCES account(id), escalated_at TEXT, outcome TEXT, outcome_reason TEXT, decided_at TEXT, closed_at TEXT, created_by INTEGER NOT NULL REFERENCES account(id)) STRICT;
-- table objection_attachment
CREATE TABLE objection_attachment (objection_id INTEGER NOT NULL REFERENCES objection(id), sha256 TEXT NOT NULL REFERENCES attachment(sha256), file_name TEXT NOT NULL, PRIMARY KEY (objection_id, sha256)) STRICT, WITHOUT ROWID;
-- table objection_event
CREATE TABLE objection_event (id INTEGER PRIMARY KEY, objection_id INTEGER NOT NULL REFERENCES objection(id), at TEXT NOT NULL, actor_id INTEGER REFERENCES account(id), actor TEXT, action TEXT NOT NULL, from_state TEXT, to_state TEXT, reason TEXT, detail TEXT NOT NULL DEFAULT '{}') STRICT;
-- table objection_record
CREATE TABLE objection_record (objection_id INTEGER NOT NULL REFERENCES objection(id), record_id INTEGER NOT NULL, status_before TEXT NOT NULL, snapshot TEXT NOT NULL, PRIMARY KEY (objection_id, record_id)) STRICT, WITHOUT ROWID;
-- table office_setting
CREATE TABLE office_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
-- table office_window
CREATE TABLE office_window (id TEXT PRIMARY KEY, number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999), name TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('active','disabled','revoked')), cert_sha256 TEXT NOT NULL UNIQUE, enrolled_at TEXT NOT NULL, changed_at TEXT NOT NULL, last_contact_at TEXT) STRICT;
-- table outbox
CREATE TABLE outbox (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL, exported_bundle TEXT) STRICT;
-- table query_log
CREATE TABLE query_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, visit_id INTEGER NOT NULL REFERENCES visit(id), clerk_id INTEGER NOT NULL REFERENCES account(id), subject_id INTEGER, id_number TEXT NOT NULL, office_code TEXT NOT NULL, purpose_code TEXT NOT NULL, outcome TEXT NOT NULL CHECK (outcome IN ('found','no_record')) , identity_source TEXT NOT NULL DEFAULT 'typed' CHECK (identity_source IN ('typed','card')), reader_sam_id TEXT, subject_kind TEXT NOT NULL DEFAULT 'person' CHECK (subject_kind IN ('person','entity')), found_by TEXT CHECK (found_by IN ('credit_code','registration_no')), clerk_confirmed INTEGER CHECK (clerk_confirmed IN (0,1)), window_number INTEGER, window_id TEXT) STRICT;
-- table receipt
CREATE TABLE receipt (id INTEGER PRIMARY KEY, case_kind TEXT NOT NULL CHECK (case_kind IN ('objection','repair')), case_id INTEGER NOT NULL, receipt_no TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, created_by INTEGER NOT NULL REFERENCES account(id), content TEXT NOT NULL, copies INTEGER NOT NULL DEFAULT 0, last_printed_at TEXT) STRICT;
-- table record_mark_pending
CREATE TABLE record_mark_pending (record_id INTEGER PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('under_objection'))) STRICT;
-- table repair
CREATE TABLE repair (id INTEGER PRIMARY KEY, case_no TEXT NOT NULL UNIQUE, subject_id INTEGER NOT NULL, id_number TEXT NOT NULL, record_id INTEGER NOT NULL, visit_id INTEGER REFERENCES visit(id), applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('self','agent')), profile_id TEXT NOT NULL, provider_unit TEXT NOT NULL, evidence TEXT NOT NULL, eligibility TEXT NOT NULL, snapshot TEXT NOT NULL, status_before TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('received','accepted','rejected','forwarded','approved','denied','closed')), is_open INTEGER NOT NULL CHECK (is_open IN (0,1)), received_on TEXT NOT NULL, received_at TEXT NOT NULL, due_on TEXT, due_key TEXT GENERATED ALWAYS AS (coalesce(due_on, '')) VIRTUAL, calendar_gap TEXT, assignee_id INTEGER REFERENCES account(id), escalated_at TEXT, outcome_reason TEXT, decided_at TEXT, closed_at TEXT, created_by INTEGER NOT NULL REFERENCES account(id)) STRICT;
-- table repair_event
CREATE TABLE repair_event (id INTEGER PRIMARY KEY, repair_id INTEGER NOT NULL REFERENCES repair(id), at TEXT NOT NULL, actor_id INTEGER REFERENCES account(id), actor TEXT, action TEXT NOT NULL, from_state TEXT, to_state TEXT, reason TEXT, detail TEXT NOT NULL DEFAULT '{}') STRICT;
-- table report
CREATE TABLE report (id INTEGER PRIMARY KEY, report_no TEXT NOT NULL UNIQUE, visit_id INTEGER NOT NULL UNIQUE REFERENCES visit(id), subject_id INTEGER, id_number TEXT NOT NULL, issued_at TEXT NOT NULL, issued_year TEXT NOT NULL, clerk_id INTEGER NOT NULL REFERENCES account(id), beyond_free INTEGER NOT NULL CHECK (beyond_free IN (0,1)), content_json TEXT NOT NULL, digest TEXT NOT NULL, qr_payload TEXT NOT NULL, signature TEXT NOT NULL, key_id TEXT NOT NULL, verify_code TEXT NOT NULL) STRICT;
-- table report_print
CREATE TABLE report_print (id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES report(id), copy_no INTEGER NOT NULL CHECK (copy_no >= 1), kind TEXT NOT NULL CHECK (kind IN ('print','pdf')), at TEXT NOT NULL, clerk_id INTEGER NOT NULL REFERENCES account(id), UNIQUE (report_id, copy_no)) STRICT;
-- table schema_migration
CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
-- table session
CREATE TABLE session (token_hash TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account(id), created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0,1)), ended_at TEXT , window_id TEXT) STRICT;
-- table statement
CREATE TABLE statement (id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL, record_id INTEGER, visit_id INTEGER NOT NULL REFERENCES visit(id), clerk_id INTEGER NOT NULL REFERENCES account(id), text TEXT NOT NULL CHECK (length(text) > 0), created_at TEXT NOT NULL) STRICT;
-- table sync_bundle_in
CREATE TABLE sync_bundle_in (id INTEGER PRIMARY KEY, at TEXT NOT NULL, file_name TEXT, bundle_hash TEXT, sender TEXT, channel TEXT, purpose TEXT, sequence INTEGER, created_at TEXT, expires_at TEXT, result TEXT NOT NULL CHECK (result IN ('applied','already_imported','refused')), counts TEXT NOT NULL DEFAULT '{}', refused_code TEXT, refused_reason TEXT , refused_reason_zh TEXT, refused_params TEXT) STRICT;
-- table sync_bundle_out
CREATE TABLE sync_bundle_out (sequence INTEGER PRIMARY KEY CHECK (sequence >= 1), bundle_hash TEXT NOT NULL UNIQUE, file_name TEXT NOT NULL, created_at TEXT NOT NULL, size_bytes INTEGER NOT NULL, counts TEXT NOT NULL, ranges TEXT NOT NULL, acknowledged_at TEXT) STRICT;
-- table sync_channel
CREATE TABLE sync_channel (sender TEXT NOT NULL, recipient TEXT NOT NULL, channel TEXT NOT NULL, last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1), last_hash TEXT NOT NULL CHECK (length(last_hash) = 64), newest_created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (sender, recipient, channel)) STRICT, WITHOUT ROWID;
-- table sync_keyring
CREATE TABLE sync_keyring (version INTEGER PRIMARY KEY CHECK (version >= 1), envelope TEXT NOT NULL, fingerprint TEXT NOT NULL, installed_at TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('provisioning','bundle'))) STRICT;
-- table sync_office_key
CREATE TABLE sync_office_key (key_id TEXT PRIMARY KEY, office_code TEXT NOT NULL, office_name TEXT NOT NULL, public_key_pem TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('active','revoked')), updated_at TEXT NOT NULL) STRICT;
-- table visit
CREATE TABLE visit (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, clerk_id INTEGER NOT NULL REFERENCES account(id), id_number TEXT NOT NULL, name TEXT NOT NULL, subject_id INTEGER, applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('self','agent')), purpose_code TEXT NOT NULL, purpose_text TEXT , identity_source TEXT NOT NULL DEFAULT 'typed' CHECK (identity_source IN ('typed','card')), reader_sam_id TEXT, identity_reason TEXT CHECK (identity_reason IN ('reader_unavailable','card_unreadable','card_not_supported','other')), identity_note TEXT, subject_kind TEXT NOT NULL DEFAULT 'person' CHECK (subject_kind IN ('person','entity')), found_by TEXT CHECK (found_by IN ('credit_code','registration_no')), clerk_confirmed INTEGER CHECK (clerk_confirmed IN (0,1)), report_kind TEXT CHECK (report_kind IN ('full','special')), window_number INTEGER, window_id TEXT, queue_ticket TEXT, hall_case_no TEXT) STRICT;
-- table visit_authorization
CREATE TABLE visit_authorization (visit_id INTEGER PRIMARY KEY REFERENCES visit(id), agent_id_number TEXT NOT NULL, agent_name TEXT NOT NULL, document_no TEXT NOT NULL, scope TEXT NOT NULL CHECK (json_valid(scope) AND json_array_length(scope) > 0), valid_from TEXT NOT NULL, valid_to TEXT NOT NULL CHECK (valid_to >= valid_from), notarised INTEGER NOT NULL CHECK (notarised IN (0,1)), attachment_sha256 TEXT REFERENCES attachment(sha256), attachment_name TEXT) STRICT;
-- table visit_end
CREATE TABLE visit_end (visit_id INTEGER PRIMARY KEY REFERENCES visit(id), ended_at TEXT NOT NULL, clerk_id INTEGER NOT NULL REFERENCES account(id)) STRICT;
-- table visit_legal_rep
CREATE TABLE visit_legal_rep (visit_id INTEGER PRIMARY KEY REFERENCES visit(id), id_number TEXT NOT NULL, name TEXT NOT NULL, licence_sighted INTEGER NOT NULL CHECK (licence_sighted = 1)) STRICT;
-- table window_call
CREATE TABLE window_call (window_id TEXT NOT NULL, call_key TEXT NOT NULL, method TEXT NOT NULL, at TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (window_id, call_key)) STRICT;
-- table window_day_tally
CREATE TABLE window_day_tally (day TEXT NOT NULL, window_number INTEGER NOT NULL, lookups INTEGER NOT NULL DEFAULT 0, reports INTEGER NOT NULL DEFAULT 0, intakes INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, window_number)) STRICT, WITHOUT ROWID;
-- table window_enrollment_code
CREATE TABLE window_enrollment_code (id INTEGER PRIMARY KEY, secret_sha256 TEXT NOT NULL UNIQUE, window_number INTEGER NOT NULL CHECK (window_number BETWEEN 1 AND 999), window_name TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, created_by INTEGER REFERENCES account(id), used_at TEXT, window_id TEXT REFERENCES office_window(id)) STRICT;
-- trigger attachment_no_delete
CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment WHEN EXISTS (SELECT 1 FROM visit_authorization WHERE attachment_sha256 = OLD.sha256) OR EXISTS (SELECT 1 FROM objection_attachment WHERE sha256 = OLD.sha256) BEGIN SELECT RAISE(ABORT, 'attachment is append-only once a visit or a case refers to it'); END;
-- trigger attachment_no_update
CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment BEGIN SELECT RAISE(ABORT, 'attachment is append-only'); END;
-- trigger audit_checkpoint_no_delete
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;
-- trigger audit_checkpoint_no_update
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;
-- trigger audit_event_no_delete
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
-- trigger audit_event_no_update
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
-- trigger objection_event_no_delete
CREATE TRIGGER objection_event_no_delete BEFORE DELETE ON objection_event BEGIN SELECT RAISE(ABORT, 'objection_event is append-only'); END;
-- trigger objection_event_no_update
CREATE TRIGGER objection_event_no_update BEFORE UPDATE ON objection_event BEGIN SELECT RAISE(ABORT, 'objection_event is append-only'); END;
-- trigger objection_window_day_tally
CREATE TRIGGER objection_window_day_tally AFTER INSERT ON objection BEGIN INSERT INTO window_day_tally (day, window_number, intakes) VALUES (NEW.received_on, coalesce((SELECT window_number FROM visit WHERE id = NEW.visit_id), 0), 1) ON CONFLICT (day, window_number) DO UPDATE SET intakes = intakes + 1; END;
-- trigger query_log_no_delete
CREATE TRIGGER query_log_no_delete BEFORE DELETE ON query_log BEGIN SELECT RAISE(ABORT, 'query_log is append-only'); END;
-- trigger query_log_no_update
CREATE TRIGGER query_log_no_update BEFORE UPDATE ON query_log BEGIN SELECT RAISE(ABORT, 'query_log is append-only'); END;
-- trigger query_log_window_day_tally
CREATE TRIGGER query_log_window_day_tally AFTER INSERT ON query_log BEGIN INSERT INTO window_day_tally (day, window_number, lookups) VALUES (date(NEW.at, '+8 hours'), coalesce(NEW.window_number, 0), 1) ON CONFLICT (day, window_number) DO UPDATE SET lookups = lookups + 1; END;
-- trigger repair_event_no_delete
CREATE TRIGGER repair_event_no_delete BEFORE DELETE ON repair_event BEGIN SELECT RAISE(ABORT, 'repair_event is append-only'); END;
-- trigger repair_event_no_update
CREATE TRIGGER repair_event_no_update BEFORE UPDATE ON repair_event BEGIN SELECT RAISE(ABORT, 'repair_event is append-only'); END;
-- trigger repair_window_day_tally
CREATE TRIGGER repair_window_day_tally AFTER INSERT ON repair BEGIN INSERT INTO window_day_tally (day, window_number, intakes) VALUES (NEW.received_on, coalesce((SELECT window_number FROM visit WHERE id = NEW.visit_id), 0), 1) ON CONFLICT (day, window_number) DO UPDATE SET intakes = intakes + 1; END;
-- trigger report_day_tally
CREATE TRIGGER report_day_tally AFTER INSERT ON report BEGIN INSERT INTO day_tally (day, clerk_id, reports) VALUES (date(NEW.issued_at, '+8 hours'), NEW.clerk_id, 1) ON CONFLICT (day, clerk_id) DO UPDATE SET reports = reports + 1; END;
-- trigger report_no_delete
CREATE TRIGGER report_no_delete BEFORE DELETE ON report BEGIN SELECT RAISE(ABORT, 'report is append-only'); END;
-- trigger report_no_update
CREATE TRIGGER report_no_update BEFORE UPDATE ON report BEGIN SELECT RAISE(ABORT, 'report is append-only'); END;
-- trigger report_print_day_tally
CREATE TRIGGER report_print_day_tally AFTER INSERT ON report_print WHEN NEW.copy_no > 1 BEGIN INSERT INTO day_tally (day, clerk_id, reprints) VALUES (date(NEW.at, '+8 hours'), NEW.clerk_id, 1) ON CONFLICT (day, clerk_id) DO UPDATE SET reprints = reprints + 1; END;
-- trigger report_print_no_delete
CREATE TRIGGER report_print_no_delete BEFORE DELETE ON report_print BEGIN SELECT RAISE(ABORT, 'report_print is append-only'); END;
-- trigger report_print_no_update
CREATE TRIGGER report_print_no_update BEFORE UPDATE ON report_print BEGIN SELECT RAISE(ABORT, 'report_print is append-only'); END;
-- trigger report_window_day_tally
CREATE TRIGGER report_window_day_tally AFTER INSERT ON report BEGIN INSERT INTO window_day_tally (day, window_number, reports) VALUES (date(NEW.issued_at, '+8 hours'), coalesce((SELECT window_number FROM visit WHERE id = NEW.visit_id), 0), 1) ON CONFLICT (day, window_number) DO UPDATE SET reports = reports + 1; END;
-- trigger statement_no_delete
CREATE TRIGGER statement_no_delete BEFORE DELETE ON statement BEGIN SELECT RAISE(ABORT, 'statement is append-only'); END;
-- trigger statement_no_update
CREATE TRIGGER statement_no_update BEFORE UPDATE ON statement BEGIN SELECT RAISE(ABORT, 'statement is append-only'); END;
-- trigger sync_bundle_in_no_delete
CREATE TRIGGER sync_bundle_in_no_delete BEFORE DELETE ON sync_bundle_in BEGIN SELECT RAISE(ABORT, 'sync_bundle_in is append-only'); END;
-- trigger sync_bundle_in_no_update
CREATE TRIGGER sync_bundle_in_no_update BEFORE UPDATE ON sync_bundle_in BEGIN SELECT RAISE(ABORT, 'sync_bundle_in is append-only'); END;
-- trigger visit_authorization_no_delete
CREATE TRIGGER visit_authorization_no_delete BEFORE DELETE ON visit_authorization BEGIN SELECT RAISE(ABORT, 'visit_authorization is append-only'); END;
-- trigger visit_authorization_no_update
CREATE TRIGGER visit_authorization_no_update BEFORE UPDATE ON visit_authorization BEGIN SELECT RAISE(ABORT, 'visit_authorization is append-only'); END;
-- trigger visit_day_tally
CREATE TRIGGER visit_day_tally AFTER INSERT ON visit BEGIN INSERT INTO day_tally (day, clerk_id, visits) VALUES (date(NEW.started_at, '+8 hours'), NEW.clerk_id, 1) ON CONFLICT (day, clerk_id) DO UPDATE SET visits = visits + 1; END;
-- trigger visit_end_no_delete
CREATE TRIGGER visit_end_no_delete BEFORE DELETE ON visit_end BEGIN SELECT RAISE(ABORT, 'visit_end is append-only'); END;
-- trigger visit_end_no_update
CREATE TRIGGER visit_end_no_update BEFORE UPDATE ON visit_end BEGIN SELECT RAISE(ABORT, 'visit_end is append-only'); END;
-- trigger visit_legal_rep_no_delete
CREATE TRIGGER visit_legal_rep_no_delete BEFORE DELETE ON visit_legal_rep BEGIN SELECT RAISE(ABORT, 'visit_legal_rep is append-only'); END;
-- trigger visit_legal_rep_no_update
CREATE TRIGGER visit_legal_rep_no_update BEFORE UPDATE ON visit_legal_rep BEGIN SELECT RAISE(ABORT, 'visit_legal_rep is append-only'); END;
-- trigger visit_no_delete
CREATE TRIGGER visit_no_delete BEFORE DELETE ON visit BEGIN SELECT RAISE(ABORT, 'visit is append-only'); END;
-- trigger visit_no_update
CREATE TRIGGER visit_no_update BEFORE UPDATE ON visit BEGIN SELECT RAISE(ABORT, 'visit is append-only'); END;
-- platform index entity_registration_no
CREATE INDEX entity_registration_no ON entity_registration(registration_no) WHERE registration_no IS NOT NULL;
-- platform index list_entry_record
CREATE INDEX list_entry_record ON list_entry(record_id) WHERE record_id IS NOT NULL;
-- platform index list_entry_subject
CREATE INDEX list_entry_subject ON list_entry(subject_id);
-- platform index record_subject_section
CREATE INDEX record_subject_section ON record(subject_id, category, decided_on);
-- platform index subject_name
CREATE INDEX subject_name ON subject(name);
-- platform table entity_registration
CREATE TABLE entity_registration (subject_id INTEGER PRIMARY KEY REFERENCES subject(id), registration_no TEXT, entity_type TEXT NOT NULL CHECK (entity_type IN ('enterprise','individual_business','farmers_coop','social_organisation','institution','other')), established_on TEXT, registered_capital TEXT, address TEXT NOT NULL, business_scope TEXT NOT NULL, registration_authority TEXT NOT NULL, operating_status TEXT NOT NULL CHECK (operating_status IN ('subsisting','operating','suspended','liquidating','moved_out','revoked','deregistered')), legal_rep_id_number TEXT) STRICT;
-- platform table list_entry
CREATE TABLE list_entry (id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL REFERENCES subject(id), central_id TEXT NOT NULL UNIQUE, list_type TEXT NOT NULL CHECK (list_type IN ('red','black','dishonest_debtor','abnormal_operation')), list_name TEXT NOT NULL, reason TEXT NOT NULL, basis TEXT NOT NULL, deciding_unit TEXT NOT NULL, record_id INTEGER REFERENCES record(id), entered_on TEXT NOT NULL, exit_on TEXT, status TEXT NOT NULL CHECK (status IN ('active','exited','removed'))) STRICT;
-- platform table list_entry_measure
CREATE TABLE list_entry_measure (list_entry_id INTEGER NOT NULL REFERENCES list_entry(id), measure_id INTEGER NOT NULL REFERENCES measure(id), PRIMARY KEY (list_entry_id, measure_id)) STRICT, WITHOUT ROWID;
-- platform table measure
CREATE TABLE measure (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('reward','punishment')), mandatory INTEGER NOT NULL CHECK (mandatory IN (0,1)), title TEXT NOT NULL, basis TEXT NOT NULL) STRICT;
-- platform table record
CREATE TABLE record (id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL REFERENCES subject(id), central_id TEXT NOT NULL UNIQUE, category TEXT NOT NULL, domain TEXT NOT NULL, severity TEXT CHECK (severity IN ('minor','ordinary','serious')), title TEXT NOT NULL, content TEXT NOT NULL, provider_unit TEXT NOT NULL, document_no TEXT NOT NULL, occurred_on TEXT NOT NULL, decided_on TEXT NOT NULL, publicity_start TEXT NOT NULL, publicity_end TEXT, status TEXT NOT NULL CHECK (status IN ('active','under_objection','corrected','revoked','repaired','expired')), version INTEGER NOT NULL , penalty_kind TEXT CHECK (penalty_kind IN ('warning','criticism','fine','confiscation','licence_suspension','qualification_downgrade','licence_revocation', 'activity_restriction','production_suspension','closure','employment_restriction','detention','other'))) STRICT;
-- platform table subject
CREATE TABLE subject (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('person','entity')), id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, gender TEXT CHECK (gender IN ('M','F')), birth_date TEXT, legal_rep TEXT, region_code TEXT NOT NULL, central_id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL) STRICT;
-- platform table sync_import_pending
CREATE TABLE sync_import_pending (bundle_hash TEXT PRIMARY KEY, at TEXT NOT NULL, office_part TEXT NOT NULL) STRICT;
