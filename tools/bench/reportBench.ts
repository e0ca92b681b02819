import { assembleReport } from '../../electron/report/assembleReport';
import { renderReportPdf } from '../../electron/report/pdf/reportPdf';
import { digestOf, signSeal, verifyCodeOf } from '../../electron/report/seal';
import type { CoreContext } from '../../electron/services/context';
import { officeSigningKey } from '../../electron/services/officeKeyService';
import { writeSubjectBundles } from '../../electron/store/populationStore';
import { findSubjectByIdNumber } from '../../electron/store/subjectStore';
import { idCheckChar } from '../../shared/validators/idNumber';
import { shippedProfile } from '../../shared/rules/loadProfile';
import type { SubjectBundle } from '../../shared/domain/population';
import type { RecordCategory } from '../../shared/domain/record';
import { SCOPE_SECTIONS } from '../../shared/domain/report';
import { chinaDate } from '../../shared/calendar/dates';

// Report figures for `npm run bench`: assembly (reads + exclusions + canonical digest + signature)
// and the PDF itself (layout with real glyph metrics, subset font, vector QR on every page) for a
// 50-record and a 2,000-record subject, in the core under plain Node. The PDF time is the median of
// three runs after one warm-up (the first document of a process also reads the two 10 MB TTFs).
// Subjects are written with BENCH- central ids, so repeated runs reuse them.

const CATEGORIES: RecordCategory[] = ['basic', 'admin_licence', 'admin_penalty', 'honour', 'tax_credit', 'contract_performance'];

function benchSubject(records: number, serial: number, today: string): SubjectBundle {
  const first17 = `11010519800101${String(serial).padStart(3, '0')}`;
  const centralId = `BENCH-REPORT-${records}`;
  return {
    subject: { kind: 'person', idNumber: first17 + idCheckChar(first17), name: '测试人', gender: 'M', birthDate: '1980-01-01', legalRepresentative: null, regionCode: '110105', centralId, version: 1 },
    listEntries: [],
    records: Array.from({ length: records }, (_, i) => {
      const category = CATEGORIES[i % CATEGORIES.length]!;
      return {
        subjectCentralId: centralId,
        centralId: `${centralId}-R${i}`,
        category,
        domain: 'market' as const,
        severity: category === 'admin_penalty' ? ('ordinary' as const) : null,
        title: `基准记录 ${i}`,
        content: '因未按规定履行相关义务，依据有关规定作出处理决定。'.repeat(1 + (i % 5)),
        providerUnit: '北京市朝阳区市场监督管理局',
        documentNo: `京朝市监字〔2026〕${i}号`,
        occurredOn: '2026-01-01',
        decidedOn: '2026-01-05',
        publicityStart: '2026-01-05',
        publicityEnd: category === 'admin_penalty' ? `${Number(today.slice(0, 4)) + 1}-12-31` : null,
        status: 'active' as const,
        version: 1,
      };
    }),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

export async function benchReports(ctx: CoreContext): Promise<Record<string, number>> {
  const now = ctx.now();
  const today = chinaDate(now);
  const purpose = ctx.catalogs.purposes[0]!;
  const key = officeSigningKey(ctx);
  const out: Record<string, number> = {};
  const contents: [number, Awaited<ReturnType<typeof assembleReport>>][] = [];
  for (const [n, serial] of [[50, 901], [2000, 902]] as const) {
    const bundle = benchSubject(n, serial, today);
    await ctx.db.transaction((tx) => writeSubjectBundles(tx, [bundle]));
    const subject = (await findSubjectByIdNumber(ctx.db, bundle.subject.idNumber))!;
    const [content, assembleMs] = await timed(async () => {
      const c = await assembleReport(ctx.db, {
        reportNo: `BENCH-${n}`,
        office: ctx.office,
        now,
        purpose,
        purposeText: null,
        applicant: { kind: 'self' },
        scope: SCOPE_SECTIONS,
        subject,
        typed: { idNumber: subject.idNumber, name: subject.name },
        queryHistoryYears: 2,
        publicationRules: shippedProfile('default')!,
        purposes: ctx.catalogs.purposes,
      });
      const digest = digestOf(c);
      signSeal({ v: 1, n: c.reportNo, o: c.office.code, t: c.issuedAt, s: '', i: '', c: [], d: digest, k: key.keyId }, key.privateKey);
      return c;
    });
    out[`report.assemble.${n}records.ms`] = Math.round(assembleMs * 10) / 10;
    contents.push([n, content]);
  }
  // A QR text of the real length (seal ~280 characters of base64url + an 86-character signature).
  const qrText = `CDR1.${'A'.repeat(280)}.${'B'.repeat(86)}`;
  const render = (content: (typeof contents)[number][1]) => renderReportPdf({ content, lang: 'zh', qrText, verifyCode: verifyCodeOf('AAAA'), copyNo: 1 });
  await render(contents[0]![1]);
  for (const [n, content] of contents) {
    const runs: number[] = [];
    const cpu: number[] = [];
    let pages = 0;
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const before = process.cpuUsage();
      const [pdf, ms] = await timed(() => render(content));
      const used = process.cpuUsage(before);
      runs.push(ms);
      cpu.push((used.user + used.system) / 1000);
      pages = pdf.pages;
      bytes = pdf.bytes.length;
    }
    out[`report.pdf.${n}records.ms`] = Math.round(runs.sort((a, b) => a - b)[1]!);
    // CPU time of this process (main thread + GC helpers): wall time on a shared machine is mostly waiting.
    out[`report.pdf.${n}records.cpu.ms`] = Math.round(cpu.sort((a, b) => a - b)[1]!);
    out[`report.pages.${n}records`] = pages;
    out[`report.pdf.${n}records.kb`] = Math.round(bytes / 1024);
  }
  return out;
}
