import foundation from './0001_foundation';
import reports from './0002_reports';
import cases from './0003_cases';
import sync from './0004_sync';
import syncRefusalZh from './0005_sync_refusal_zh';
import attachmentExpiry from './0006_attachment_expiry';
import syncRefusalParams from './0007_sync_refusal_params';

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
  { version: 6, name: 'attachment_expiry', sql: attachmentExpiry },
  { version: 7, name: 'sync_refusal_params', sql: syncRefusalParams },
];
