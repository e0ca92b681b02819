import foundation from './0001_foundation';
import reports from './0002_reports';
import cases from './0003_cases';
import sync from './0004_sync';
import syncRefusalZh from './0005_sync_refusal_zh';
import attachmentExpiry from './0006_attachment_expiry';
import syncRefusalParams from './0007_sync_refusal_params';
import auditCheckpoints from './0008_audit_checkpoints';
import accountAccess from './0010_account_access';
import penaltyKind from './0014_penalty_kind';
import calendarEntry from './0015_calendar_entry';
import dashboardIndexes from './0016_dashboard_indexes';
import visitRepeatIndex from './0020_visit_repeat_index';
import dayTally from './0021_day_tally';
import platformFile from './0022_platform_file';
import platformFileDrop from './0023_platform_file_drop';
import identitySource from './0024_identity_source';
import entityRegistration from './0025_entity_registration';
import officeWindows from './0026_office_windows';
import entityVisits from './0027_entity_visits';
import recordSectionIndex from './0028_record_section_index';
import windowActs from './0029_window_acts';
import windowCalls from './0030_window_calls';
import auditWindowIndex from './0032_audit_window_index';
import windowDayTally from './0033_window_day_tally';
import hallIntegration from './0034_hall_integration';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Append only: a released migration is never edited, a change is a new number. Gaps in the
// numbers are allowed; the order is not.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'reports', sql: reports },
  { version: 3, name: 'cases', sql: cases },
  { version: 4, name: 'sync', sql: sync },
  { version: 5, name: 'sync_refusal_zh', sql: syncRefusalZh },
  { version: 6, name: 'attachment_expiry', sql: attachmentExpiry },
  { version: 7, name: 'sync_refusal_params', sql: syncRefusalParams },
  { version: 8, name: 'audit_checkpoints', sql: auditCheckpoints },
  { version: 10, name: 'account_access', sql: accountAccess },
  { version: 14, name: 'penalty_kind', sql: penaltyKind },
  { version: 15, name: 'calendar_entry', sql: calendarEntry },
  { version: 16, name: 'dashboard_indexes', sql: dashboardIndexes },
  { version: 20, name: 'visit_repeat_index', sql: visitRepeatIndex },
  { version: 21, name: 'day_tally', sql: dayTally },
  { version: 22, name: 'platform_file', sql: platformFile },
  { version: 23, name: 'platform_file_drop', sql: platformFileDrop },
  { version: 24, name: 'identity_source', sql: identitySource },
  { version: 25, name: 'entity_registration', sql: entityRegistration },
  { version: 26, name: 'office_windows', sql: officeWindows },
  { version: 27, name: 'entity_visits', sql: entityVisits },
  { version: 28, name: 'record_section_index', sql: recordSectionIndex },
  { version: 29, name: 'window_acts', sql: windowActs },
  { version: 30, name: 'window_calls', sql: windowCalls },
  { version: 32, name: 'audit_window_index', sql: auditWindowIndex },
  { version: 33, name: 'window_day_tally', sql: windowDayTally },
  { version: 34, name: 'hall_integration', sql: hallIntegration },
];
