import foundation from './0001_foundation';
import cases from './0003_cases';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Append only: a released migration is never edited, a change is a new number.
// Version 2 (reports) is registered by its owner between 1 and 3.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 3, name: 'cases', sql: cases },
];
