import foundation from './0001_foundation';
import reports from './0002_reports';
import cases from './0003_cases';
import sync from './0004_sync';
import syncRefusalZh from './0005_sync_refusal_zh';
import visitRepeatIndex from './0020_visit_repeat_index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Append only: a released migration is never edited, a change is a new number.
// Version 2 is reserved for the report engineer's migration: register it before 3 when it lands.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'reports', sql: reports },
  { version: 3, name: 'cases', sql: cases },
  { version: 4, name: 'sync', sql: sync },
  { version: 5, name: 'sync_refusal_zh', sql: syncRefusalZh },
  { version: 20, name: 'visit_repeat_index', sql: visitRepeatIndex },
];
