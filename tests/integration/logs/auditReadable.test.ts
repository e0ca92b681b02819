import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureDemoOffice } from '../../../electron/demo/demoOffice';
import type { AuditRow } from '../../../shared/contract';
import { auditFieldLabel } from '../../../shared/i18n/auditLabels';
import { unreadableAuditRows, unreadableInChinese } from '../../support/auditReading';
import { openTestCore, type TestCore } from '../../support/core';

// Issue 28: the auditor read codes — `clerkId: 2`, `用途: loan_application`, `sender: platform`,
// `BUNDLE_BAD_MAGIC` — and 66 English words in Chinese mode, on screen and in the export. This test
// reads every event a real office wrote (a month of demo work, then the actions the issue named,
// each done for real through the API) as the audit screen and its CSV export show them in Chinese,
// and fails on a key without a label, a code, an English word or a full ID number.
let core: TestCore;
let reader: string;
const NOW = '2026-11-18T02:00:00Z';

before(async () => {
  core = await openTestCore({ now: NOW });
  await ensureDemoOffice(core, () => undefined);
  const clerk = (await core.loginAs('clerk', 'clerk-x')).token;
  const auditor = (await core.loginAs('auditor', 'auditor-x')).token;
  const operator = (await core.loginAs('operator', 'operator-x')).token;
  await core.call('auth.login', { username: 'clerk-x', password: 'not-the-password-1' });
  await core.call('audit.list', { cursor: null, limit: 10 }, clerk); // permission.refused
  await core.call('sync.importCheck', { source: { kind: 'upload', fileName: 'not-a-bundle.cdbundle', base64: Buffer.from('PK\u0003\u0004 not a bundle').toString('base64') } }, operator);
  await core.ok('querylog.export', { format: 'csv', lang: 'zh', from: '2026-11-01', to: '2026-11-18', clerkId: 2, purposeCode: 'loan_application', idNumber: '370304199901100014' }, auditor);
  await core.ok('audit.export', { format: 'csv', lang: 'zh', from: '2026-11-01', to: '2026-11-18', group: 'objection' }, auditor);
  // A company's special report, issued to its legal representative and checked on the verify screen
  // both ways (issue 24: the auditor read `by: qr` and `申请的报告: special`).
  const company = (await core.ctx.db.get<{ code: string; name: string; rep: string; repId: string }>(
    `SELECT s.id_number AS code, s.name, s.legal_rep AS rep, r.legal_rep_id_number AS repId
     FROM subject s JOIN entity_registration r ON r.subject_id = s.id WHERE s.kind = 'entity' AND r.legal_rep_id_number IS NOT NULL ORDER BY s.id LIMIT 1`,
  ))!;
  const visit = await core.ok('counter.lookup', {
    subjectKind: 'entity', creditCode: company.code, name: company.name, reportKind: 'special', purposeCode: 'bidding',
    applicant: { kind: 'legal_rep', idNumber: company.repId, name: company.rep, licenceSighted: true },
  }, clerk);
  const special = await core.ok('report.issueSpecial', { visitId: visit.visitId, fields: ['tax'] }, clerk);
  const qr = (await core.ctx.db.get<{ qr: string }>('SELECT qr_payload AS qr FROM report WHERE id = ?', [special.reportId]))!.qr;
  await core.ok('report.verify', { qrText: qr }, clerk);
  await core.ok('report.verify', { reportNo: special.reportNo, code: special.verifyCode }, clerk);
  await core.ok('auth.lock', {}, clerk);
  await core.ok('auth.logout', {}, auditor);
  reader = (await core.loginAs('auditor', 'auditor-read')).token;
  userNames = (await core.ctx.db.all<{ username: string }>('SELECT username FROM account')).map((a) => a.username);
});
after(() => core.dispose());

let userNames: string[] = [];

async function allRows(token: string): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  let cursor: number | null = null;
  do {
    const page: { rows: AuditRow[]; nextCursor: number | null } = await core.ok('audit.list', { cursor, limit: 500 }, token);
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

test('every event on the audit screen reads as labelled sentences in Chinese: no raw key, code, English word or full ID number', async () => {
  const token = reader;
  const purposes = new Map(core.ctx.catalogs.purposes.map((p) => [p.code, p.zh]));
  const rows = await allRows(token);
  const kinds = new Set(rows.map((r) => r.action));
  // The issue's own examples happened for real above.
  for (const k of ['sync.import_refused', 'querylog.exported', 'audit.exported', 'permission.refused', 'auth.login_failed', 'counter.lookup', 'objection.decide', 'repair.approve', 'row.visit', 'report.verify']) assert.ok(kinds.has(k), `no ${k} event was written`);
  assert.deepEqual(unreadableAuditRows(rows, purposes, userNames), {});
});

test('the Chinese CSV export reads the same way', async () => {
  const token = reader;
  const file = await core.ok('audit.export', { format: 'csv', lang: 'zh' }, token);
  const lines = Buffer.from(file.dataBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean);
  assert.ok(lines.length > 500, `${lines.length} lines`);
  const bad = new Set<string>();
  for (const line of lines) {
    // Columns: seq, time, actor, user name (an account's user name is as typed), action, target, details.
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    const [, , , , action, target, details] = cells;
    for (const p of [action, target, details].flatMap((cell) => unreadableInChinese(cell ?? '', userNames))) bad.add(`${action}: ${p}`);
  }
  assert.deepEqual([...bad], []);
});

test('every detail key any audit write in the core names has a label in both languages', () => {
  // The source's detail literals, for the kinds no test office writes (a keyring change, a
  // platform's decision): their keys at least are named.
  const root = join(import.meta.dirname, '..', '..', '..', 'electron');
  const files = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : f.endsWith('.ts') ? [join(d, f)] : []));
  const keys = new Set<string>();
  for (const f of files(root)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/auditIn\([^;]*?detail: \{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/gs)) {
      for (const k of m[1]!.matchAll(/(?:^|[,{(])\s*([a-zA-Z]+)(?=\s*[:,}]|\s*$)/g)) keys.add(k[1]!);
    }
  }
  assert.ok(keys.size > 40, `found only ${keys.size} keys: the scan is broken`);
  // zh and en are the two sentences a refusal keeps (`said`), never shown as fields.
  keys.delete('zh');
  keys.delete('en');
  const unlabelled = [...keys].filter((k) => auditFieldLabel(k, 'zh') === k || auditFieldLabel(k, 'en') === k);
  assert.deepEqual(unlabelled, []);
});
