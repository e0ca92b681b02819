import type { z } from 'zod';
import { accountsContract } from './accounts';
import { authContract } from './auth';
import { calendarContract } from './calendar';
import { casesContract } from './cases';
import { counterContract } from './counter';
import { dashboardContract } from './dashboard';
import { hallContract } from './hall';
import { logsContract } from './logs';
import { readerContract } from './reader';
import { reportsContract } from './reports';
import { setupContract } from './setup';
import { syncContract } from './sync';
import { windowsContract } from './windows';
import type { MethodSpec } from './method';

// The one contract: the dispatcher, the HTTP host, the Electron bridge and the renderer's client
// all derive from this map, so a method exists in every transport or in none.
export const contract = {
  ...authContract,
  ...counterContract,
  ...logsContract,
  ...accountsContract,
  ...casesContract,
  ...reportsContract,
  ...syncContract,
  ...calendarContract,
  ...setupContract,
  ...dashboardContract,
  ...readerContract,
  ...windowsContract,
  ...hallContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './permissions';
export type { AdminRequest, ChangeOutcome } from './accounts';
export type { OfficeStatus, SessionInfo } from './auth';
export type { LookupResult, Purpose, VisitResume } from './counter';
export type { ReadCard, ReaderCounterStatus, ReaderSettings, ReaderTestResult } from './reader';
export type { CalendarStatusView } from './calendar';
export type { EnrollmentCodeView, WindowView, WindowsOverview } from './windows';
export type { Dashboard, DashboardDay, WindowDay } from './dashboard';
export type { EvaluationDelivery, EvaluationSettings, EvaluationTestResult, VisitEnded } from './hall';
export type { AuditExportedHead, AuditRow, AuditVerifyResult, Page, QueryLogRow } from './logs';
