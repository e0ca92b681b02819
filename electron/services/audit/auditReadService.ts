import type { AuditExportedHead, AuditRow, Page } from '../../../shared/contract/index';
import { EXPORT_MAX_ROWS, type ExportedFile, type ExportFormat } from '../../../shared/contract/exportFile';
import { auditActionLabel, auditDetailFields, auditTargetText } from '../../../shared/i18n/auditLabels';
import { LABEL_COLON } from '../../../shared/i18n/punctuation';
import { chinaDate, chinaDateTime } from '../../../shared/calendar/dates';
import type { MaskingOptions } from '../../../shared/masking';
import { maskAuditEntry } from '../../../shared/rules/logMasking';
import { auditActors, lastExportedHead, listAuditFiltered, type AuditFilter, type AuditListRow } from '../../store/auditQueryStore';
import { auditIn } from './auditService';
import type { Caller, CoreContext } from '../context';
import { dayRange } from './logFilters';
import { activeProfile } from '../office/profileService';
import { exportTable } from './tableExport';

// The auditor's reading of the audit log: filtered in SQL, named in the console's language,
// exported as CSV or Excel — and every export is itself an audit event. Identities are masked by
// the one rule for logs (shared/rules/logMasking.ts), on screen and in the export alike.

export interface AuditFilterInput {
  action?: string | undefined;
  group?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  windowNumber?: number | undefined;
}

function filterOf(q: AuditFilterInput): AuditFilter {
  return { action: q.action ?? null, group: q.group ?? null, actor: q.actor ?? null, ...dayRange(q.from, q.to), windowNumber: q.windowNumber ?? null };
}

function toRow(r: AuditListRow, masking: MaskingOptions): AuditRow {
  const { target, detail } = maskAuditEntry({ target: r.target, detail: JSON.parse(r.detail) as Record<string, unknown> }, masking);
  return { seq: r.seq, at: r.at, actor: r.actor, actorName: r.actor_name, action: r.action, target, detail };
}

export async function listAuditPage(ctx: CoreContext, q: AuditFilterInput & { cursor: number | null; limit: number }): Promise<Page<AuditRow>> {
  const { masking } = await activeProfile(ctx);
  const rows = await listAuditFiltered(ctx.db, filterOf(q), q.cursor, q.limit);
  return { rows: rows.map((r) => toRow(r, masking)), nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.seq : null };
}

export async function listAuditActors(ctx: CoreContext): Promise<{ username: string; name: string | null }[]> {
  return (await auditActors(ctx.db)).map((a) => ({ username: a.username, name: a.display_name }));
}

/**
 * The chain head the last export carried to the platform, for the auditor to compare with the
 * platform's (a restored older database verifies as intact here: docs/security.md, "Restores").
 */
export async function exportedHead(ctx: CoreContext): Promise<AuditExportedHead | null> {
  const r = await lastExportedHead(ctx.db);
  if (!r || r.head_seq === null || r.head_hash === null || r.checkpoint_at === null) return null;
  return {
    exportSequence: r.sequence, exportedAt: r.created_at, acknowledgedAt: r.acknowledged_at,
    headSeq: r.head_seq, headHashPrefix: r.head_hash.slice(0, 16), checkpointAt: r.checkpoint_at,
  };
}

const HEADERS = {
  zh: ['序号', '时间（北京时间）', '操作人', '用户名', '操作', '对象', '详情'],
  en: ['Seq', 'Time (China)', 'Actor', 'User name', 'Action', 'Target', 'Details'],
};

export async function exportAudit(ctx: CoreContext, caller: Caller, q: AuditFilterInput & { format: ExportFormat; lang: 'zh' | 'en' }): Promise<ExportedFile> {
  const f = filterOf(q);
  const rows: AuditListRow[] = [];
  let before: number | null = null;
  while (rows.length < EXPORT_MAX_ROWS) {
    const page = await listAuditFiltered(ctx.db, f, before, Math.min(5000, EXPORT_MAX_ROWS - rows.length));
    rows.push(...page);
    if (page.length < 5000) break;
    before = page.at(-1)!.seq;
  }
  const { masking } = await activeProfile(ctx);
  const system = q.lang === 'zh' ? '系统' : 'System';
  const purposes = new Map(ctx.catalogs.purposes.map((p) => [p.code, p[q.lang]]));
  const purposeLabel = (code: string) => purposes.get(code) ?? code;
  const table = rows.map((r) => {
    const shown = toRow(r, masking);
    const detail = auditDetailFields(shown.detail, q.lang, purposeLabel);
    return [r.seq, chinaDateTime(r.at), r.actor_name ?? r.actor ?? system, r.actor ?? '', auditActionLabel(r.action, q.lang), auditTargetText(r.action, shown.target, q.lang, shown.detail), detail.map(([k, v]) => `${k}${LABEL_COLON[q.lang]}${v}`).join(q.lang === 'zh' ? '；' : '; ')];
  });
  const name = `${q.lang === 'zh' ? '审计日志' : 'audit-log'}-${chinaDate(ctx.now())}`;
  const file = await exportTable(q.format, name, q.lang === 'zh' ? '审计日志' : 'Audit log', HEADERS[q.lang], table);
  const filter = Object.fromEntries(Object.entries({ action: q.action, group: q.group, actor: q.actor, from: q.from, to: q.to, windowNumber: q.windowNumber }).filter(([, v]) => v !== undefined));
  await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'audit.exported', target: file.fileName, detail: { format: q.format, rows: file.rows, filter } }));
  return file;
}
