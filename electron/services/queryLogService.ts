import type { Page, QueryLogRow } from '../../shared/contract';
import { maskIdNumber, maskName } from '../../shared/masking';
import { addMonthsClamped, chinaDate, chinaDayStartIso } from '../../shared/calendar/dates';
import { listQueryLog } from '../store/queryLogStore';
import type { CoreContext } from './context';
import { activeProfile } from './profileService';

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The auditor's view of who queried whom and why; identities stay masked (GB/T 35273 §7.2). */
export async function listQueries(
  ctx: CoreContext,
  q: { from?: string | undefined; to?: string | undefined; idNumber?: string | undefined; cursor: number | null; limit: number },
): Promise<Page<QueryLogRow>> {
  const { masking, queryLog } = await activeProfile(ctx);
  const rows = await listQueryLog(ctx.db, {
    fromIso: q.from ? chinaDayStartIso(q.from) : null,
    toIsoExclusive: q.to ? chinaDayStartIso(nextDay(q.to)) : null,
    idNumber: q.idNumber ? q.idNumber.toUpperCase() : null,
    beforeId: q.cursor,
    limit: q.limit,
  });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      visitId: r.visit_id,
      clerkUsername: r.clerk_username,
      idNumberMasked: maskIdNumber(r.id_number, masking),
      nameMasked: maskName(r.name, masking),
      applicantKind: r.applicant_kind,
      purposeCode: r.purpose_code,
      outcome: r.outcome,
      keepUntil: addMonthsClamped(chinaDate(new Date(r.at)), 12 * queryLog.retentionYears),
    })),
    nextCursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
  };
}
