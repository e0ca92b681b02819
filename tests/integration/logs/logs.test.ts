import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../shared/contract/exportFile';
import { createAccount } from '../../../electron/services/access/accountsService';
import { TEST_PASSWORD } from '../../support/core';
import { pngScan } from '../../support/images';
import { at, caseWorld, idNumber, seedSubject, type CaseWorld } from '../cases/fixtures';

// The auditor's two logs: filters run in the core and say why when they cannot match; exports open
// in Excel with the same rows the screen shows, and every export is itself in the audit log.

let w: CaseWorld;
let auditor: string;
let clerkB: string;
let clerkBId: number;

async function lookup(token: string, seq: number, purposeCode: string) {
  const id = idNumber(seq);
  await w.core.ok('counter.lookup', { idNumber: id, name: '张三', applicant: { kind: 'self' }, purposeCode }, token);
}

before(async () => {
  w = await caseWorld('2026-11-18T02:00:00Z');
  await seedSubject(w.core, 2);
  await createAccount(w.core.ctx, null, { username: 'zhaoqian', displayName: '赵倩', role: 'clerk', password: TEST_PASSWORD });
  const loginB = async () => (await w.core.ok('auth.login', { username: 'zhaoqian', password: TEST_PASSWORD })).token;
  clerkB = await loginB();
  clerkBId = (await w.core.ctx.db.get<{ id: number }>("SELECT id FROM account WHERE username = 'zhaoqian'"))!.id;
  // 11-18: two lookups by w.clerk (self_check), one by 赵倩 (loan) — then 11-19: one each.
  await lookup(w.clerk, 1, 'self_check');
  await lookup(w.clerk, 2, 'self_check');
  await lookup(clerkB, 1, 'loan_application');
  await w.travel(at('2026-11-19'));
  clerkB = await loginB();
  await lookup(w.clerk, 2, 'employment_review');
  await lookup(clerkB, 2, 'loan_application');
  await w.travel(at('2026-11-20'));
  auditor = (await w.core.loginAs('auditor', 'shenchayuan')).token;
});
after(() => w.core.dispose());

async function xlsxRows(file: ExportedFile): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

test('audit log: filter by who, by one action, by a group of actions and by day — all in the core', async () => {
  const byB = await w.core.ok('audit.list', { actor: 'zhaoqian', cursor: null, limit: 500 }, auditor);
  assert.ok(byB.rows.length >= 4);
  assert.ok(byB.rows.every((r) => r.actor === 'zhaoqian' && r.actorName === '赵倩'));
  const logins = await w.core.ok('audit.list', { action: 'auth.login', cursor: null, limit: 500 }, auditor);
  assert.ok(logins.rows.length >= 5 && logins.rows.every((r) => r.action === 'auth.login'));
  const counter = await w.core.ok('audit.list', { group: 'counter', cursor: null, limit: 500 }, auditor);
  assert.equal(counter.rows.filter((r) => r.action === 'counter.lookup').length, 5);
  assert.ok(counter.rows.every((r) => r.action.startsWith('counter.')));
  const day19 = await w.core.ok('audit.list', { group: 'counter', actor: 'zhaoqian', from: '2026-11-19', to: '2026-11-19', cursor: null, limit: 500 }, auditor);
  assert.deepEqual(day19.rows.map((r) => r.action), ['counter.lookup']);
  const all = await w.core.ok('audit.list', { cursor: null, limit: 500 }, auditor);
  const expected = all.rows.filter((r) => r.at >= '2026-11-18T16:00:00.000Z' && r.at < '2026-11-19T16:00:00.000Z').map((r) => r.seq);
  const onlyDay = await w.core.ok('audit.list', { from: '2026-11-19', to: '2026-11-19', cursor: null, limit: 500 }, auditor);
  assert.deepEqual(onlyDay.rows.map((r) => r.seq), expected);
});

test('audit log: reversed dates are refused with their reason, not answered with nothing', async () => {
  const r = await w.core.call('audit.list', { from: '2026-11-20', to: '2026-11-01', cursor: null, limit: 10 }, auditor);
  assert.ok(!r.ok && r.error.code === 'FILTER_INVALID' && r.error.details?.reason === 'DATES_REVERSED' && r.error.details.field === 'to', JSON.stringify(r));
});

test('audit export: Excel opens with the filtered rows in readable words; the export itself is audited', async () => {
  const filtered = await w.core.ok('audit.list', { group: 'counter', cursor: null, limit: 500 }, auditor);
  const file = await w.core.ok('audit.export', { group: 'counter', format: 'xlsx', lang: 'zh' }, auditor);
  assert.match(file.fileName, /^审计日志-2026-11-20\.xlsx$/);
  const rows = await xlsxRows(file);
  assert.deepEqual(rows[0], ['序号', '时间（北京时间）', '操作人', '用户名', '操作', '对象', '详情']);
  assert.equal(rows.length - 1, filtered.rows.length);
  assert.deepEqual(rows.slice(1).map((r) => Number(r[0])), filtered.rows.map((r) => r.seq));
  const lookupRow = rows.find((r) => r[3] === 'zhaoqian' && r[4] === '窗口查询')!;
  assert.equal(lookupRow[2], '赵倩');
  assert.doesNotMatch(rows.map((r) => r.join('|')).join('\n'), /counter\.lookup|\{"/);
  const last = (await w.core.ok('audit.list', { cursor: null, limit: 1 }, auditor)).rows[0]!;
  assert.equal(last.action, 'audit.exported');
  assert.equal(last.actor, 'shenchayuan');
  assert.deepEqual(last.detail, { format: 'xlsx', rows: filtered.rows.length, filter: { group: 'counter' } });
});

test('audit export as CSV: UTF-8 with BOM, English headers when asked, formulas neutralised', async () => {
  const file = await w.core.ok('audit.export', { actor: 'zhaoqian', format: 'csv', lang: 'en' }, auditor);
  const bytes = Buffer.from(file.dataBase64, 'base64');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  assert.equal(lines[0], 'Seq,Time (China),Actor,User name,Action,Target,Details');
  const count = (await w.core.ok('audit.list', { actor: 'zhaoqian', cursor: null, limit: 500 }, auditor)).rows.length;
  assert.equal(lines.length - 1, count);
  assert.ok(lines.slice(1).every((l) => l.includes(',zhaoqian,')));
});

test('query log: by clerk, by purpose, by some digits of the ID number, by day', async () => {
  const byB = await w.core.ok('querylog.list', { clerkId: clerkBId, cursor: null, limit: 100 }, auditor);
  assert.equal(byB.rows.length, 2);
  assert.ok(byB.rows.every((r) => r.clerkName === '赵倩'));
  const loans = await w.core.ok('querylog.list', { purposeCode: 'loan_application', cursor: null, limit: 100 }, auditor);
  assert.equal(loans.rows.length, 2);
  const last4 = idNumber(2).slice(-4);
  assert.notEqual(last4, idNumber(1).slice(-4));
  const person2 = await w.core.ok('querylog.list', { idNumber: last4, cursor: null, limit: 100 }, auditor);
  assert.equal(person2.rows.length, 3);
  const middle = await w.core.ok('querylog.list', { idNumber: idNumber(1).slice(6, 12), cursor: null, limit: 100 }, auditor);
  assert.equal(middle.rows.length, 5); // both people were born in January 1990
  const d18 = await w.core.ok('querylog.list', { from: '2026-11-18', to: '2026-11-18', clerkId: clerkBId, cursor: null, limit: 100 }, auditor);
  assert.equal(d18.rows.length, 1);
});

test('query log: too few digits, odd characters or reversed dates say why', async () => {
  for (const [input, reason, field] of [
    [{ idNumber: '123' }, 'ID_PARTIAL_SHORT', 'idNumber'],
    [{ idNumber: '12a4' }, 'ID_PARTIAL_CHARS', 'idNumber'],
    [{ from: '2026-11-19', to: '2026-11-18' }, 'DATES_REVERSED', 'to'],
  ] as const) {
    const r = await w.core.call('querylog.list', { ...input, cursor: null, limit: 10 }, auditor);
    assert.ok(!r.ok && r.error.code === 'FILTER_INVALID' && r.error.details?.reason === reason && r.error.details.field === field, JSON.stringify(r));
  }
});

test('query log export: masked identities, the same rows, audited with the filter', async () => {
  const file = await w.core.ok('querylog.export', { clerkId: clerkBId, format: 'xlsx', lang: 'zh' }, auditor);
  const rows = await xlsxRows(file);
  assert.equal(rows.length, 3);
  assert.ok(rows.slice(1).every((r) => r[1] === '赵倩' && r[2]!.includes('*') && !r.includes(idNumber(1)) && r[5] === '贷款申请'), JSON.stringify(rows));
  const last = (await w.core.ok('audit.list', { cursor: null, limit: 1 }, auditor)).rows[0]!;
  assert.equal(last.action, 'querylog.exported');
  assert.deepEqual(last.detail, { format: 'xlsx', rows: 2, filter: { clerkId: clerkBId } });
});

test('a clerk can neither read nor export the logs', async () => {
  for (const m of ['audit.export', 'querylog.export'] as const) {
    const r = await w.core.call(m, { format: 'csv' } as never, w.clerk);
    assert.ok(!r.ok && r.error.code === 'FORBIDDEN');
  }
});

test('attack: neither the auditor nor the administrator reads a full ID number or a typed name in the audit log or its exports; the query register masks them the same way (issue 29)', async () => {
  const subjectId = idNumber(1);
  const agentId = `11010519491231002X`;
  // A name typed wrong is kept in the event's details; an agent's ID number too.
  const mismatch = await w.core.call('counter.lookup', { idNumber: subjectId, name: '李四', applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
  assert.ok(!mismatch.ok && mismatch.error.code === 'NAME_MISMATCH');
  const { sha256 } = await w.core.ok('attachment.upload', { fileName: 'letter.png', mimeType: 'image/png', dataBase64: pngScan(16, 16).toString('base64') }, w.clerk);
  const applicant = { kind: 'agent' as const, agentIdNumber: agentId, agentName: '周代理', documentNo: 'SQ-1', scope: ['licences' as const], notarised: false, attachmentSha256: sha256, validFrom: '2026-11-01', validTo: '2026-12-31' };
  await w.core.ok('counter.lookup', { idNumber: subjectId, name: '张三', applicant, purposeCode: 'self_check' }, w.clerk);
  const stored = await w.core.ctx.db.all<{ target: string | null; detail: string }>('SELECT target, detail FROM audit_event');
  assert.ok(stored.some((e) => e.target === subjectId) && stored.some((e) => e.detail.includes(agentId)) && stored.some((e) => e.detail.includes('李四')), 'the stored events keep the full values');

  const register = await w.core.ok('querylog.list', { idNumber: subjectId.slice(-4), cursor: null, limit: 1 }, auditor);
  const masked = register.rows[0]!.idNumberMasked;
  assert.match(masked, /^110101\*{8}\d{3}[\dX]$/);
  const admin = (await w.core.loginAs('admin', 'guanli')).token;
  const full = [subjectId, idNumber(2), agentId, '李四'];
  for (const [who, token] of [['auditor', auditor], ['admin', admin]] as const) {
    const page = await w.core.ok('audit.list', { group: 'counter', cursor: null, limit: 500 }, token);
    const shown = JSON.stringify(page.rows);
    for (const value of full) assert.ok(!shown.includes(value), `${who} reads ${value} on the audit screen`);
    const mm = page.rows.find((r) => r.action === 'counter.name_mismatch')!;
    assert.deepEqual({ target: mm.target, typedName: mm.detail.typedName }, { target: masked, typedName: '李*' });
    const agentLookup = page.rows.find((r) => r.action === 'counter.lookup' && r.detail.applicant === 'agent')!;
    assert.equal(agentLookup.target, masked, 'the same mask as the query register');
    assert.equal(agentLookup.detail.agentIdNumber, '110105********002X');
    for (const format of ['csv', 'xlsx'] as const) {
      for (const lang of ['zh', 'en'] as const) {
        const file = await w.core.ok('audit.export', { group: 'counter', format, lang }, token);
        const text = format === 'csv' ? Buffer.from(file.dataBase64, 'base64').toString('utf8') : (await xlsxRows(file)).map((r) => r.join('|')).join('\n');
        for (const value of full) assert.ok(!text.includes(value), `${who} reads ${value} in the ${lang} ${format} export`);
        assert.ok(text.includes(masked) && text.includes('110105********002X'), `${format} ${lang}: masked values are there`);
      }
    }
  }
  // Masking is on reading only: the chain over the full values still verifies.
  assert.equal((await w.core.ok('audit.verify', {}, auditor)).ok, true);
});
