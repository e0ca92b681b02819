import { DASHBOARD_DAYS, type Dashboard } from '../../../shared/contract/dashboard';
import { addCalendarDays, toDayNumber, weekdayOf } from '../../../shared/calendar/dates';
import { chinaDayStartIso } from '../../../shared/calendar/dates';
import { dayCounts, openCaseCounts, windowDayCounts, type DayWindow } from '../../store/dashboardStore';
import type { ExportedFile, ExportFormat } from '../../../shared/contract/exportFile';
import { AppError } from '../../../shared/errors';
import { roleHas } from '../../../shared/contract/permissions';
import { auditIn } from '../audit/auditService';
import { today } from './caseCommon';
import { exportTable } from '../audit/tableExport';
import type { Caller, CoreContext } from '../context';

/** Sunday of the week holding `day` (weeks run Monday to Sunday, as office rotas do). */
export function weekEndOf(day: string): string {
  const wd = weekdayOf(toDayNumber(day)); // 0 = Sunday
  return addCalendarDays(day, wd === 0 ? 0 : 7 - wd);
}

function windows(day: string): DayWindow[] {
  const out: DayWindow[] = [];
  for (let i = DASHBOARD_DAYS - 1; i >= 0; i -= 1) {
    const d = addCalendarDays(day, -i);
    out.push([d, chinaDayStartIso(d), chinaDayStartIso(addCalendarDays(d, 1))]);
  }
  return out;
}

async function build(ctx: CoreContext, scope: Dashboard['scope'], accountId: number | null): Promise<Dashboard> {
  const day = today(ctx);
  const weekEnd = weekEndOf(day);
  const [rows, cases, byWindow] = await Promise.all([
    dayCounts(ctx.db, windows(day), accountId),
    openCaseCounts(ctx.db, day, weekEnd, accountId),
    scope === 'office' ? windowDayCounts(ctx.db, day) : Promise.resolve([]),
  ]);
  const days = rows.map((r) => ({
    date: r.day,
    visits: r.visits,
    reports: r.reports,
    reprints: r.reprints,
    objections: r.objections,
    repairs: r.repairs,
    decided: r.decided,
    decidedOnTime: r.decided_on_time,
  }));
  const last = days.at(-1)!;
  const decided = days.reduce((n, d) => n + d.decided, 0);
  const onTime = days.reduce((n, d) => n + d.decidedOnTime, 0);
  return {
    scope,
    today: day,
    weekEnd,
    todayCounts: { visits: last.visits, reports: last.reports, reprints: last.reprints, objections: last.objections, repairs: last.repairs },
    cases: { open: cases.open, dueToday: cases.due_today, dueThisWeek: cases.due_this_week, overdue: cases.overdue },
    onTime: { decided, onTime, rate: decided === 0 ? null : onTime / decided },
    days,
    todayByWindow: byWindow.map((w) => ({ windowNumber: w.window_number, lookups: w.lookups, reports: w.reports, intakes: w.intakes })),
  };
}

/** The whole office: counter work, open cases by deadline, decisions on time. */
export function officeDashboard(ctx: CoreContext): Promise<Dashboard> {
  return build(ctx, 'office', null);
}

/** One person's own day: their visits, reports and intakes, and the cases assigned to them. */
export function myDashboard(ctx: CoreContext, caller: Caller): Promise<Dashboard> {
  return build(ctx, 'mine', caller.accountId);
}

const HEADERS = {
  zh: ['日期', '接待人次', '出具报告', '补打', '受理异议', '受理修复', '作出决定', '按时决定'],
  en: ['Date', 'Visits', 'Reports', 'Reprints', 'Objections received', 'Repairs received', 'Decided', 'Decided on time'],
};

/** The dashboard's days as CSV or Excel; the office one needs the office permission. */
export async function exportDashboard(ctx: CoreContext, caller: Caller, input: { scope: Dashboard['scope']; format: ExportFormat; lang: 'zh' | 'en' }): Promise<ExportedFile> {
  if (input.scope === 'office' && !roleHas(caller.role, 'dashboard.office')) {
    throw new AppError('FORBIDDEN', 'Only a manager may export the office dashboard.', { permission: 'dashboard.office' });
  }
  const d = input.scope === 'office' ? await officeDashboard(ctx) : await myDashboard(ctx, caller);
  const rows = d.days.map((x) => [x.date, x.visits, x.reports, x.reprints, x.objections, x.repairs, x.decided, x.decidedOnTime]);
  const name = `${input.lang === 'zh' ? '工作台统计' : 'dashboard'}-${input.scope}-${d.today}`;
  const file = await exportTable(input.format, name, input.lang === 'zh' ? '近30天' : 'Last 30 days', HEADERS[input.lang], rows);
  await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'dashboard.exported', target: input.scope, detail: { format: input.format, rows: file.rows, from: d.days[0]!.date, to: d.today } }));
  return file;
}
