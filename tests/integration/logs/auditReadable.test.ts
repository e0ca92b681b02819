import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureDemoOffice } from '../../../electron/demo/demoOffice';
import type { AuditRow } from '../../../shared/contract';
import { auditActionLabel, auditDetailFields, auditFieldLabel, auditTargetText } from '../../../shared/i18n/auditLabels';
import { openTestCore, type TestCore } from '../../support/core';
import { latinLeftIn } from '../../support/refusalLanguage';

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
  await core.ok('auth.lock', {}, clerk);
  await core.ok('auth.logout', {}, auditor);
  reader = (await core.loginAs('auditor', 'auditor-read')).token;
  // Longest first, so that "clerk-x" goes before "clerk" would leave "-x".
  userNames = (await core.ctx.db.all<{ username: string }>('SELECT username FROM account')).map((a) => a.username).sort((a, b) => b.length - a.length);
});
after(() => core.dispose());

// Names as typed stay as typed: an account's user name, an uploaded or exported file's name.
const FILE_NAME = /[^\s；：、，]+\.(?:csv|xlsx|pdf|png|jpe?g)\b/g;
let userNames: string[] = [];
const withoutNames = (text: string): string => userNames.reduce((t, n) => t.split(n).join(' '), text.replace(FILE_NAME, ' '));
const RAW_CODE = /\b[a-z]+(?:_[a-z]+)+\b|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const FULL_ID = /\b\d{17}[\dX]\b/;

/** What an auditor must not read in Chinese: raw codes, English words, a full ID number. */
function unreadable(shown: string): string[] {
  const text = withoutNames(shown);
  const problems = [...(text.match(RAW_CODE) ?? []).map((c) => `code ${c}`), ...latinLeftIn(text.replace(RAW_CODE, ' ')).map((w) => `word ${w}`)];
  if (FULL_ID.test(text)) problems.push('full ID number');
  return problems;
}

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
  for (const k of ['sync.import_refused', 'querylog.exported', 'audit.exported', 'permission.refused', 'auth.login_failed', 'counter.lookup', 'objection.decide', 'repair.approve', 'row.visit']) assert.ok(kinds.has(k), `no ${k} event was written`);
  const bad = new Map<string, string[]>();
  for (const r of rows) {
    const fields = auditDetailFields(r.detail, 'zh', (c) => purposes.get(c) ?? c);
    const problems = [
      ...unreadable(auditActionLabel(r.action, 'zh')),
      ...unreadable(auditTargetText(r.action, r.target, 'zh')),
      ...fields.flatMap(([label, value]) => [...unreadable(label), ...unreadable(value)].map((p) => `${label}: ${p}`)),
    ];
    if (problems.length > 0 && !bad.has(r.action)) bad.set(r.action, [...new Set(problems)]);
  }
  assert.deepEqual(Object.fromEntries(bad), {});
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
    for (const p of [...unreadable(action ?? ''), ...unreadable(target ?? ''), ...unreadable(details ?? '')]) bad.add(`${action}: ${p}`);
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
      for (const k of m[1]!.matchAll(/(?:^|[,{(]\s*)([a-zA-Z]+)(?=\s*[:,}]|\s*$)/g)) keys.add(k[1]!);
    }
  }
  assert.ok(keys.size > 40, `found only ${keys.size} keys: the scan is broken`);
  // zh and en are the two sentences a refusal keeps (`said`), never shown as fields.
  keys.delete('zh');
  keys.delete('en');
  const unlabelled = [...keys].filter((k) => auditFieldLabel(k, 'zh') === k || auditFieldLabel(k, 'en') === k);
  assert.deepEqual(unlabelled, []);
});
