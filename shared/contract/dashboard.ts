import { z } from 'zod';
import { exportFormat, exportLang, type ExportedFile } from './exportFile';
import { method } from './method';

// The manager's dashboard (the whole office) and the clerk's (their own day): counts the core
// aggregates in SQL, by China calendar day, for the last DASHBOARD_DAYS days including today.

export const DASHBOARD_DAYS = 30;

export interface DashboardDay {
  date: string;
  visits: number;
  reports: number;
  reprints: number;
  objections: number;
  repairs: number;
  decided: number;
  decidedOnTime: number;
}

export interface Dashboard {
  scope: 'office' | 'mine';
  today: string;
  /** Last day of the current week (Sunday); "due this week" runs from today to here. */
  weekEnd: string;
  /** Today's counter work. */
  todayCounts: { visits: number; reports: number; reprints: number; objections: number; repairs: number };
  /** Open cases (the office's, or assigned to the caller), by deadline. */
  cases: { open: number; dueToday: number; dueThisWeek: number; overdue: number };
  /** Decided cases in the window; rate null when none was decided. */
  onTime: { decided: number; onTime: number; rate: number | null };
  days: DashboardDay[];
  /**
   * The office's scope only: today's work per window (issue 23), one row per window that worked
   * today, then windowNumber null for the office's own console when it did. Empty on 'mine'.
   */
  todayByWindow: WindowDay[];
}

export interface WindowDay {
  /** Null: the office's own console (standalone, or the host's own screen). */
  windowNumber: number | null;
  /** Query-log rows (each lookup the register keeps). */
  lookups: number;
  reports: number;
  /** Objections and repairs received, at the window of the visit they were taken on. */
  intakes: number;
}

export const dashboardContract = {
  'dashboard.office': method<Dashboard>()({ input: z.object({}).strict(), access: 'dashboard.office' }),
  'dashboard.mine': method<Dashboard>()({ input: z.object({}).strict(), access: 'dashboard.own' }),
  /** The 30 days as a table (audited: what left the office, by whom). */
  'dashboard.export': method<ExportedFile>()({
    input: z.object({ scope: z.enum(['office', 'mine']), format: exportFormat, lang: exportLang }).strict(),
    access: 'dashboard.own',
  }),
};
