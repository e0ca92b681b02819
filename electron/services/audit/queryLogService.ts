import type { Page, QueryLogRow } from '../../../shared/contract/index';
import { EXPORT_MAX_ROWS, type ExportedFile, type ExportFormat } from '../../../shared/contract/exportFile';
import { maskLoggedIdentity, maskLoggedName } from '../../../shared/rules/logMasking';
import { addMonthsClamped, chinaDate, chinaDateTime } from '../../../shared/calendar/dates';
import type { MaskingOptions } from '../../../shared/masking';
import { listQueryLog, queryLogClerks, type QueryLogFilter, type QueryLogListRow } from '../../store/queryLogStore';
import { auditIn } from './auditService';
import type { Caller, CoreContext } from '../context';
import { dayRange, idFilter } from './logFilters';
import { activeProfile } from '../office/profileService';
import { exportTable } from './tableExport';

export interface QueryLogFilterInput {
  from?: string | undefined;
  to?: string | undefined;
  idNumber?: string | undefined;
  clerkId?: number | undefined;
  purposeCode?: string | undefined;
  identitySource?: 'card' | 'typed' | undefined;
  windowNumber?: number | undefined;
  hallCaseNo?: string | undefined;
}

function filterOf(q: QueryLogFilterInput): QueryLogFilter {
  return {
    ...dayRange(q.from, q.to), ...idFilter(q.idNumber), clerkId: q.clerkId ?? null, purposeCode: q.purposeCode ?? null, identitySource: q.identitySource ?? null, windowNumber: q.windowNumber ?? null,
    hallCaseNo: q.hallCaseNo ?? null,
  };
}

interface RowRules {
  masking: MaskingOptions;
  retentionYears: number;
}

/** Masking and retention come from the office's rule profile (domain-rules.md: display restriction; Zhejiang art. 20). */
async function rowRules(ctx: CoreContext): Promise<RowRules> {
  const { masking, queryLog } = await activeProfile(ctx);
  return { masking, retentionYears: queryLog.retentionYears };
}

function toRow(r: QueryLogListRow, rules: RowRules): QueryLogRow {
  return {
    id: r.id,
    at: r.at,
    visitId: r.visit_id,
    clerkUsername: r.clerk_username,
    clerkName: r.clerk_name,
    idNumberMasked: maskLoggedIdentity(r.id_number, rules.masking),
    nameMasked: maskLoggedName(r.name, rules.masking),
    applicantKind: r.applicant_kind,
    purposeCode: r.purpose_code,
    outcome: r.outcome,
    keepUntil: addMonthsClamped(chinaDate(new Date(r.at)), 12 * rules.retentionYears),
    identitySource: r.identity_source,
    readerSamId: r.reader_sam_id,
    windowNumber: r.window_number,
    queueTicket: r.queue_ticket,
    hallCaseNo: r.hall_case_no,
  };
}

/** The auditor's view of who queried whom and why; identities masked by the one rule for logs (GB/T 35273 §7.2). */
export async function listQueries(ctx: CoreContext, q: QueryLogFilterInput & { cursor: number | null; limit: number }): Promise<Page<QueryLogRow>> {
  const rules = await rowRules(ctx);
  const rows = await listQueryLog(ctx.db, { ...filterOf(q), beforeId: q.cursor, limit: q.limit });
  return { rows: rows.map((r) => toRow(r, rules)), nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
}

export async function listClerks(ctx: CoreContext): Promise<{ id: number; name: string }[]> {
  return (await queryLogClerks(ctx.db)).map((c) => ({ id: c.id, name: c.display_name }));
}

const HEADERS = {
  zh: ['时间（北京时间）', '受理员', '查询对象证件号码', '查询对象姓名', '申请人', '用途', '结果', '身份核验', '窗口', '排队号', '办件编号'],
  en: ['Time (China)', 'Clerk', 'Subject ID number', 'Subject name', 'Applicant', 'Purpose', 'Outcome', 'Identity taken by', 'Window', 'Queue ticket', 'Hall case no.'],
};

/** The window a query was made at; the office's own console (standalone, or the host's screen) otherwise. */
export function windowText(n: number | null, zh: boolean): string {
  if (n === null) return zh ? '本机' : 'this console';
  return zh ? `${n} 号窗口` : `window ${n}`;
}

/** Card reads name the reader's security module: the proof that the original card was there. */
function identityText(v: QueryLogRow, zh: boolean): string {
  if (v.identitySource === 'typed') return zh ? '手工输入' : 'typed';
  const module = v.readerSamId ?? (zh ? '未知' : 'unknown');
  return zh ? `读卡（安全模块 ${module}）` : `card (security module ${module})`;
}

/** The filtered register, masked as on screen; the export is audited with its filter. */
export async function exportQueries(ctx: CoreContext, caller: Caller, q: QueryLogFilterInput & { format: ExportFormat; lang: 'zh' | 'en' }): Promise<ExportedFile> {
  const f = filterOf(q);
  const rows: QueryLogListRow[] = [];
  let before: number | null = null;
  while (rows.length < EXPORT_MAX_ROWS) {
    const page = await listQueryLog(ctx.db, { ...f, beforeId: before, limit: Math.min(5000, EXPORT_MAX_ROWS - rows.length) });
    rows.push(...page);
    if (page.length < 5000) break;
    before = page.at(-1)!.id;
  }
  const purposes = new Map(ctx.catalogs.purposes.map((p) => [p.code, p[q.lang]]));
  const zh = q.lang === 'zh';
  const rules = await rowRules(ctx);
  const table = rows.map((r) => {
    const v = toRow(r, rules);
    return [chinaDateTime(v.at), v.clerkName, v.idNumberMasked, v.nameMasked, v.applicantKind === 'self' ? (zh ? '本人' : 'in person') : zh ? '代理人' : 'agent', purposes.get(v.purposeCode) ?? v.purposeCode, v.outcome === 'found' ? (zh ? '有记录' : 'found') : zh ? '无记录' : 'no record', identityText(v, zh), windowText(v.windowNumber, zh), v.queueTicket ?? '', v.hallCaseNo ?? ''];
  });
  const file = await exportTable(q.format, `${zh ? '查询登记' : 'query-register'}-${chinaDate(ctx.now())}`, zh ? '查询登记' : 'Query register', HEADERS[q.lang], table);
  const filter = Object.fromEntries(Object.entries({ from: q.from, to: q.to, idNumber: q.idNumber ? maskLoggedIdentity(q.idNumber.padEnd(18, '*'), rules.masking) : undefined, clerkId: q.clerkId, purposeCode: q.purposeCode, identitySource: q.identitySource, windowNumber: q.windowNumber, hallCaseNo: q.hallCaseNo }).filter(([, v]) => v !== undefined));
  await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'querylog.exported', target: file.fileName, detail: { format: q.format, rows: file.rows, filter } }));
  return file;
}
