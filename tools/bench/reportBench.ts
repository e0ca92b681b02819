import { existsSync } from 'node:fs';
import { assembleReport } from '../../electron/report/assembleReport';
import { renderReportHtml } from '../../electron/report/renderReportHtml';
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
// and rendering (pagination + embedded font + QR) for a 50-record and a 2,000-record subject, and
// Chromium's PDF time for both when a Chromium is at hand. Subjects are written with BENCH- central
// ids, so repeated runs reuse them.

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
  const htmls: [number, string][] = [];
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
    const [rendered, renderMs] = await timed(() => renderReportHtml({ content, lang: 'zh', qrText: `CDR1.bench.${n}`, verifyCode: verifyCodeOf('AAAA'), copyNo: 1 }));
    out[`report.assemble.${n}records.ms`] = Math.round(assembleMs * 10) / 10;
    out[`report.render.${n}records.ms`] = Math.round(renderMs * 10) / 10;
    out[`report.pages.${n}records`] = rendered.pages;
    htmls.push([n, rendered.html]);
  }
  // PDF through Chromium, as the browser-mode host and Electron's printToPDF would do it.
  try {
    const { chromium } = await import('@playwright/test');
    const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
    const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      for (const [n, html] of htmls) {
        const page = await browser.newPage();
        const [, ms] = await timed(async () => {
          await page.setContent(html, { waitUntil: 'load' });
          // A string: tools compile without the DOM library.
          await page.evaluate('document.fonts.ready.then(() => undefined)');
          await page.pdf({ preferCSSPageSize: true, printBackground: true });
        });
        out[`report.pdf.${n}records.ms`] = Math.round(ms);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } catch (err) {
    console.warn(`[bench] report PDF timing skipped: ${(err as Error).message.split('\n')[0]}`);
  }
  return out;
}
