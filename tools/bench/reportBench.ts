import { assembleReport } from '../../electron/report/assembleReport';
import { renderReportPdf } from '../../electron/report/pdf/reportPdf';
import { digestOf, signSeal, verifyCodeOf } from '../../electron/report/seal';
import type { CoreContext } from '../../electron/services/context';
import { officeSigningKey } from '../../electron/services/office/officeKeyService';
import { writeSubjectBundles } from '../../electron/store/populationStore';
import { findSubjectByIdNumber } from '../../electron/store/subjectStore';
import { idCheckChar } from '../../shared/validators/idNumber';
import { shippedProfile } from '../../shared/rules/loadProfile';
import type { SubjectBundle } from '../../shared/domain/population';
import { SCOPE_SECTIONS } from '../../shared/domain/report';
import { chinaDate } from '../../shared/calendar/dates';
import { realisticRecords } from './realisticRecords';

// Report figures for `npm run bench`: assembly (reads + exclusions + canonical digest + signature)
// and the PDF itself (layout with real glyph metrics, subset font, vector QR on every page) for a
// 50-record subject and two 2,000-record subjects (records averaging 75 and 220 characters of
// content), in the core under plain Node. The PDF time is the median of
// three runs after one warm-up (the first document of a process also reads the two 10 MB TTFs).
// Subjects are written with BENCH- central ids, so repeated runs reuse them.

function benchSubject(records: number, chars: number, serial: number, today: string): SubjectBundle {
  const first17 = `11010519800101${String(serial).padStart(3, '0')}`;
  const centralId = `BENCH-REPORT-${records}-${chars}`;
  return {
    subject: { kind: 'person', idNumber: first17 + idCheckChar(first17), name: '测试人', gender: 'M', birthDate: '1980-01-01', legalRepresentative: null, regionCode: '110105', centralId, version: 1 },
    listEntries: [],
    records: realisticRecords(centralId, records, chars, `${Number(today.slice(0, 4)) + 1}-12-31`),
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
  const contents: [string, Awaited<ReturnType<typeof assembleReport>>][] = [];
  // 50 records, and 2,000 records averaging 75 and 220 characters of content (a penalty's facts and basis).
  for (const [n, chars, serial] of [[50, 75, 901], [2000, 75, 902], [2000, 220, 903]] as const) {
    const bundle = benchSubject(n, chars, serial, today);
    await ctx.db.transaction((tx) => writeSubjectBundles(tx, [bundle]), { platform: true });
    const subject = (await findSubjectByIdNumber(ctx.db, bundle.subject.idNumber))!;
    const [content, assembleMs] = await timed(async () => {
      const c = await assembleReport(ctx.db, {
        reportNo: `BENCH-${n}-${chars}`,
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
    out[`report.assemble.${n}records.${chars}chars.ms`] = Math.round(assembleMs * 10) / 10;
    contents.push([`${n}records.${chars}chars`, content]);
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
    out[`report.pdf.${n}.ms`] = Math.round(runs.sort((a, b) => a - b)[1]!);
    // CPU time of this process (main thread + GC helpers): wall time on a shared machine is mostly waiting.
    out[`report.pdf.${n}.cpu.ms`] = Math.round(cpu.sort((a, b) => a - b)[1]!);
    out[`report.pages.${n}`] = pages;
    out[`report.pdf.${n}.kb`] = Math.round(bytes / 1024);
  }
  return out;
}
