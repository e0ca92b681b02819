import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OBJECTION_WORKFLOW, type ObjectionState, type QueuePage } from '../../../shared/cases/caseTypes';
import { maskName } from '../../../shared/masking';
import { sortProviders } from '../../../shared/rules/providerOrder';
import { createAccount } from '../../../electron/services/access/accountsService';
import { writeSubjectBundles } from '../../../electron/store/populationStore';
import { BENCH_PROVIDERS, insertSyntheticCases } from '../../../tools/bench/queueBench';
import { TEST_PASSWORD } from '../../support/core';
import { pdfText } from '../../support/pdf';
import { caseWorld, idNumber, recordId, type CaseWorld } from './fixtures';

const workflowPlace = (state: string) => OBJECTION_WORKFLOW.indexOf(state as ObjectionState);

// The queue a manager searches and sorts: by name, some digits of the ID number or a case number;
// every sortable column in both directions, page after page, compared with the same order in JS.

let w: CaseWorld;
const N = 900;
const PEOPLE = [
  { seq: 11, name: '李四' },
  { seq: 12, name: '李小龙' },
  { seq: 13, name: '王五' },
  { seq: 14, name: '欧阳娜娜' },
];
// In character-code order 上 < 北 < 国 < 安 < 武 < 烟; in pinyin an < bei < guo < shang < wu < yan.
const REAL_PROVIDERS = ['上海市徐汇区住房和城乡建设局', '北京市市场监督管理局', '国家税务总局淄博市博山区税务局', '安徽省生态环境厅', '武汉市武昌区卫生健康局', '烟台市芝罘区卫生健康局'];
const PINYIN_ORDER = ['安徽省生态环境厅', '北京市市场监督管理局', '国家税务总局淄博市博山区税务局', '上海市徐汇区住房和城乡建设局', '武汉市武昌区卫生健康局', '烟台市芝罘区卫生健康局'];
interface Row { id: number; case_no: string; state: string; is_open: number; due_on: string; assignee_id: number | null; provider_unit: string; received_on: string; id_number: string; subject_id: number }
let all: Row[];
let names: Map<number, string>;
let staffNames: Map<number, string>;
let managerId: number;

before(async () => {
  w = await caseWorld('2026-11-20T02:00:00Z');
  await w.core.ctx.db.transaction((tx) =>
    writeSubjectBundles(tx, PEOPLE.map((p) => ({
      subject: { kind: 'person', idNumber: idNumber(p.seq), name: p.name, gender: 'F', birthDate: '1990-01-10', legalRepresentative: null, regionCode: '110101', centralId: `P${p.seq}`, version: 1 },
      records: [],
      listEntries: [],
    }))),
  { platform: true });
  managerId = (await w.core.ctx.db.get<{ id: number }>("SELECT id FROM account WHERE role = 'manager' ORDER BY id DESC LIMIT 1"))!.id;
  const staff = (await w.core.ctx.db.all<{ id: number }>("SELECT id FROM account WHERE role IN ('manager','clerk') ORDER BY id")).map((r) => r.id);
  const s = await w.core.ctx.db.get<{ id: number }>('SELECT id FROM subject LIMIT 1');
  await w.core.ctx.db.transaction((tx) => insertSyntheticCases(tx, N, { today: '2026-11-20', staffIds: [...staff, managerId], subjectId: s!.id, createdBy: staff[0]! }));
  // Spread the cases over the people: case i belongs to PEOPLE[i % 4] (ID number and subject both).
  const subjects = await w.core.ctx.db.all<{ id: number; id_number: string }>("SELECT id, id_number FROM subject WHERE central_id LIKE 'P%' ORDER BY central_id");
  for (const [k, subj] of subjects.entries()) {
    await w.core.ctx.db.run('UPDATE objection SET subject_id = ?, id_number = ? WHERE id % 4 = ?', [subj.id, subj.id_number, k]);
  }
  // Half the cases from real providing units, whose character-code order is not their pinyin order.
  for (const [k, unit] of REAL_PROVIDERS.entries()) await w.core.ctx.db.run('UPDATE objection SET provider_unit = ? WHERE id % 12 = ?', [unit, k]);
  all = await w.core.ctx.db.all<Row>('SELECT id, case_no, state, is_open, due_on, assignee_id, provider_unit, received_on, id_number, subject_id FROM objection');
  names = new Map((await w.core.ctx.db.all<{ id: number; name: string }>('SELECT id, name FROM subject')).map((r) => [r.id, r.name]));
  staffNames = new Map((await w.core.ctx.db.all<{ id: number; display_name: string }>('SELECT id, display_name FROM account')).map((r) => [r.id, r.display_name]));
});
after(() => w.core.dispose());

async function walk(input: Record<string, unknown>): Promise<QueuePage['rows']> {
  const rows: QueuePage['rows'] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: QueuePage = await w.core.ok('cases.queue', { kind: 'objection', limit: 61, ...input, cursor } as never, w.manager);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
}
const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

test('search by name (whole or its beginning) finds that person’s cases, open and closed, with the name masked', async () => {
  const li4 = await walk({ search: '李四' });
  const liSi = all.filter((r) => names.get(r.subject_id) === '李四');
  assert.ok(liSi.length > 100);
  assert.deepEqual(ids(li4), ids(liSi));
  assert.ok(li4.every((r) => r.nameMasked === maskName('李四') && r.nameMasked !== '李四'));
  const li = await walk({ search: '李' });
  assert.deepEqual(ids(li), ids(all.filter((r) => names.get(r.subject_id)!.startsWith('李'))));
  assert.equal((await walk({ search: '赵' })).length, 0);
});

test('search by some digits of the ID number: the last four, or a run in the middle', async () => {
  const target = idNumber(13);
  const last4 = await walk({ search: target.slice(-4) });
  assert.deepEqual(ids(last4), ids(all.filter((r) => r.id_number.includes(target.slice(-4)))));
  assert.ok(last4.length > 0);
  const middle = await walk({ search: target.slice(8, 16) });
  assert.deepEqual(ids(middle), ids(all.filter((r) => r.id_number.includes(target.slice(8, 16)))));
});

test('search by case number or its prefix', async () => {
  const one = all[123]!;
  assert.deepEqual(ids(await walk({ search: one.case_no.toLowerCase() })), [one.id]);
  const day = one.case_no.slice(0, 10);
  assert.deepEqual(ids(await walk({ search: day })), ids(all.filter((r) => r.case_no.startsWith(day))));
});

test('too few digits, or a search that is none of these, is refused with a reason instead of an empty list', async () => {
  const short = await w.core.call('cases.queue', { kind: 'objection', search: '123' }, w.manager);
  assert.ok(!short.ok && short.error.code === 'FILTER_INVALID' && short.error.details?.reason === 'ID_PARTIAL_SHORT', JSON.stringify(short));
  const odd = await w.core.call('cases.queue', { kind: 'objection', search: '12#4' }, w.manager);
  assert.ok(!odd.ok && odd.error.code === 'FILTER_INVALID' && odd.error.details?.reason === 'SEARCH_UNKNOWN');
});

const providerPlace = () => sortProviders(all.map((r) => r.provider_unit));

test('providing units sort by pinyin, not by character code, page after page', async () => {
  assert.deepEqual([...REAL_PROVIDERS].sort(), ['上海市徐汇区住房和城乡建设局', '北京市市场监督管理局', '国家税务总局淄博市博山区税务局', '安徽省生态环境厅', '武汉市武昌区卫生健康局', '烟台市芝罘区卫生健康局'], 'code order differs from pinyin');
  const seen = (await walk({ open: null, sort: 'provider', dir: 'asc' })).map((r) => r.providerUnit).filter((p, i, a) => a[i - 1] !== p);
  assert.deepEqual(seen.filter((p) => REAL_PROVIDERS.includes(p)), PINYIN_ORDER);
  const down = (await walk({ open: null, sort: 'provider', dir: 'desc' })).map((r) => r.providerUnit).filter((p, i, a) => a[i - 1] !== p);
  assert.deepEqual(down.filter((p) => REAL_PROVIDERS.includes(p)), [...PINYIN_ORDER].reverse());
});

const KEYS: Record<string, (r: Row) => string> = {
  due: (r) => r.due_on,
  received: (r) => r.received_on,
  case_no: (r) => r.case_no,
  // The workflow's order (received → … → closed), not the codes' alphabet.
  state: (r) => String(workflowPlace(r.state)).padStart(2, '0'),
  // Pinyin order (issue 28: it was the characters' code order).
  provider: (r) => String(providerPlace().indexOf(r.provider_unit)).padStart(3, '0'),
  assignee: (r) => (r.assignee_id === null ? '' : staffNames.get(r.assignee_id)!),
};
for (const [col, key] of Object.entries(KEYS)) {
  for (const dir of ['asc', 'desc'] as const) {
    test(`sort by ${col} ${dir}: every page in order, no gaps or repeats (open and closed)`, async () => {
      const got = (await walk({ open: null, sort: col, dir })).map((r) => r.id);
      const sign = dir === 'asc' ? 1 : -1;
      const want = [...all].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        return ka < kb ? -sign : ka > kb ? sign : sign * (a.id - b.id);
      });
      assert.deepEqual(got, want.map((r) => r.id));
    });
  }
}

test('sort composes with filters: one provider, by state', async () => {
  const got = (await walk({ open: null, provider: BENCH_PROVIDERS[1], sort: 'state', dir: 'desc' })).map((r) => r.id);
  const want = all.filter((r) => r.provider_unit === BENCH_PROVIDERS[1]).sort((a, b) => workflowPlace(b.state) - workflowPlace(a.state) || b.id - a.id);
  assert.deepEqual(got, want.map((r) => r.id));
});

test('"my cases" lists the open cases assigned to the caller only', async () => {
  const mine = await walk({ mine: true });
  const want = all.filter((r) => r.is_open === 1 && r.assignee_id === managerId);
  assert.ok(want.length > 0);
  assert.deepEqual(ids(mine), ids(want));
  assert.ok(mine.every((r) => r.assigneeId === managerId));
});

test('case history and the receipt name the staff member, and the receipt prints the profile’s display name', async () => {
  await createAccount(w.core.ctx, null, { username: 'wangli', displayName: '王丽', role: 'clerk', password: TEST_PASSWORD });
  const clerk = (await w.core.ok('auth.login', { username: 'wangli', password: TEST_PASSWORD })).token;
  const visit = await w.core.ok('counter.lookup', { idNumber: w.subject.idNumber, name: w.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk);
  const r = await w.core.ok('objection.intake', { visitId: visit.visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '金额有误' }, clerk);
  const receipt = pdfText(r.receipt, { layout: false }).replace(/\s+/g, '');
  assert.match(receipt, /受理人：王丽/);
  assert.doesNotMatch(receipt, /wangli/);
  assert.doesNotMatch(receipt, /待确认/);
  assert.match(receipt, /适用规则：国家通用规定/);
  const c = await w.core.ok('objection.get', { id: r.id }, w.manager);
  assert.deepEqual([...new Set(c.events.map((e) => e.actor))], ['王丽']);
});

test('a providing unit renamed between pages does not end the queue by provider early', async () => {
  // Issue 26, a reviewer's finding: the cursor keeps the provider's name and looked its place up
  // again; a name gone since the last page (its cases renamed by an update) had no place, the
  // comparison was NULL, and the queue ended after the first page.
  const first: QueuePage = await w.core.ok('cases.queue', { kind: 'objection', limit: 61, open: null, sort: 'provider', dir: 'asc' } as never, w.manager);
  const gone = first.rows[first.rows.length - 1]!.providerUnit;
  const renamed = `${gone}（已更名）`;
  await w.core.ctx.db.run('UPDATE objection SET provider_unit = ? WHERE provider_unit = ?', [renamed, gone]);
  try {
    const rest: QueuePage['rows'] = [];
    for (let cursor = first.nextCursor; cursor;) {
      const page: QueuePage = await w.core.ok('cases.queue', { kind: 'objection', limit: 61, open: null, sort: 'provider', dir: 'asc', cursor } as never, w.manager);
      rest.push(...page.rows);
      cursor = page.nextCursor;
    }
    // What follows is every case whose unit sorts after where the gone name stood, the renamed ones included.
    const now = await w.core.ctx.db.all<{ id: number; provider_unit: string }>('SELECT id, provider_unit FROM objection');
    const order = sortProviders([...now.map((r) => r.provider_unit), gone]);
    const expected = now.filter((r) => order.indexOf(r.provider_unit) > order.indexOf(gone));
    assert.ok(expected.length > 61, 'the queue has more than one page after the renamed unit');
    assert.deepEqual(ids(rest), ids(expected));
  } finally {
    await w.core.ctx.db.run('UPDATE objection SET provider_unit = ? WHERE provider_unit = ?', [gone, renamed]);
  }
});
