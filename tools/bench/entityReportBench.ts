import { assembleEntityReport, type EntityReportHeader } from '../../electron/report/assembleEntityReport';
import { assembleSpecialReport } from '../../electron/report/assembleSpecialReport';
import { renderEntityReportPdf } from '../../electron/report/pdf/entityReportPdf';
import { renderSpecialReportPdf } from '../../electron/report/pdf/specialReportPdf';
import { digestOf, verifyCodeOf } from '../../electron/report/seal';
import type { CoreContext } from '../../electron/services/context';
import { writeSubjectBundles } from '../../electron/store/populationStore';
import { findSubjectByIdNumber } from '../../electron/store/subjectStore';
import { RECORD_DOMAINS, type RecordCategory } from '../../shared/domain/record';
import type { EntityContent } from '../../shared/domain/entityReport';
import type { SubjectBundle } from '../../shared/domain/population';
import { entityReportRules } from '../../shared/rules/entityReportRules';
import { shippedProfile } from '../../shared/rules/loadProfile';
import { checkSpecialRequest } from '../../shared/rules/specialReportRequest';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../../shared/validators/creditCode';
import { addCalendarDays, chinaDate } from '../../shared/calendar/dates';
import { realisticRecords } from './realisticRecords';

// Entity report figures for `npm run bench` (issue 24), beside the personal report's in the same
// run (reportBench.ts): the full report and the special report (every field of the default
// profile, its 36 months) of one entity with 2,000 records averaging 220 characters, half of them
// what a special report checks (penalties, enforcement, serious-dishonesty entries, judgments),
// decided across the period and spread over every record domain. Assembly, then the PDF (median of
// three after one warm-up), as reportBench measures the personal one.

const SPECIAL: RecordCategory[] = ['admin_penalty', 'admin_enforcement', 'black_list', 'judicial_judgment'];
const OTHER: RecordCategory[] = ['admin_licence', 'tax_credit', 'contract_performance', 'credit_commitment', 'credit_evaluation', 'honour'];

function benchEntity(today: string): SubjectBundle {
  const org8 = 'MA3BENCH';
  const first17 = `91370303${org8}${organizationCodeCheckChar(org8)}`;
  const centralId = 'BENCH-ENTITY-2000';
  const records = realisticRecords(centralId, 2000, 220, `${Number(today.slice(0, 4)) + 1}-12-31`).map((r, i) => {
    const category = i % 2 === 0 ? SPECIAL[(i / 2) % SPECIAL.length]! : OTHER[((i - 1) / 2) % OTHER.length]!;
    const decidedOn = addCalendarDays(today, -((i * 7) % 300) - 1);
    return { ...r, category, domain: RECORD_DOMAINS[i % RECORD_DOMAINS.length]!, severity: SPECIAL.includes(category) ? ('ordinary' as const) : null, decidedOn, occurredOn: decidedOn, publicityStart: decidedOn };
  });
  return {
    subject: { kind: 'entity', idNumber: first17 + creditCodeCheckChar(first17), name: '淄博市基准测试建设工程有限公司', gender: null, birthDate: null, legalRepresentative: '王建国', regionCode: '370303', centralId, version: 1 },
    listEntries: [],
    records,
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

export async function benchEntityReports(ctx: CoreContext): Promise<Record<string, number>> {
  const now = ctx.now();
  const today = chinaDate(now);
  const profile = shippedProfile('default')!;
  const rules = entityReportRules(profile);
  const bundle = benchEntity(today);
  await ctx.db.transaction((tx) => writeSubjectBundles(tx, [bundle]), { platform: true });
  const subject = (await findSubjectByIdNumber(ctx.db, bundle.subject.idNumber))!;
  const header: EntityReportHeader = {
    reportNo: 'BENCH-E', office: ctx.office, now, purpose: ctx.catalogs.purposes[0]!, purposeText: null, applicant: { kind: 'self' }, subject, registration: null,
    freshness: { dataAsOf: now.toISOString(), limitDays: rules.freshnessDays, stale: false }, publicationRules: profile,
  };
  const request = checkSpecialRequest(rules, today, { fields: rules.special.fields.map((f) => f.code) });
  if (!request.ok) throw new Error('the bench asks a special report the default profile refuses');
  const out: Record<string, number> = {};
  const contents: [string, EntityContent][] = [];
  for (const kind of ['entity', 'special'] as const) {
    const [content, ms] = await timed(async () => {
      const c = kind === 'entity' ? await assembleEntityReport(ctx.db, header) : await assembleSpecialReport(ctx.db, { ...header, reportNo: 'BENCH-S', request: request.value, rules });
      digestOf(c);
      return c;
    });
    out[`report.${kind}.assemble.2000records.ms`] = Math.round(ms * 10) / 10;
    contents.push([kind, content]);
  }
  const qrText = `CDR1.${'A'.repeat(320)}.${'B'.repeat(86)}`;
  const render = (c: EntityContent) => {
    const frame = { lang: 'zh' as const, qrText, verifyCode: verifyCodeOf('AAAA'), copyNo: 1 };
    return c.kind === 'entity' ? renderEntityReportPdf({ content: c, ...frame }) : renderSpecialReportPdf({ content: c, ...frame });
  };
  await render(contents[0]![1]);
  for (const [kind, content] of contents) {
    const runs: number[] = [];
    const cpu: number[] = [];
    let pages = 0;
    for (let i = 0; i < 3; i++) {
      const before = process.cpuUsage();
      const [pdf, ms] = await timed(() => render(content));
      const used = process.cpuUsage(before);
      runs.push(ms);
      cpu.push((used.user + used.system) / 1000);
      pages = pdf.pages;
    }
    out[`report.${kind}.pdf.2000records.ms`] = Math.round(runs.sort((a, b) => a - b)[1]!);
    // CPU time, as reportBench gives it: wall time on a shared machine is mostly waiting.
    out[`report.${kind}.pdf.2000records.cpu.ms`] = Math.round(cpu.sort((a, b) => a - b)[1]!);
    out[`report.${kind}.pages`] = pages;
    out[`report.${kind}.records`] = content.kind === 'entity' ? content.sections.reduce((n, s) => n + s.records.length, 0) : content.fields.reduce((n, f) => n + f.records.length, 0);
  }
  return out;
}
