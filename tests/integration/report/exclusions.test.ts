import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ReportContent } from '../../../shared/domain/report';
import { pdfText } from '../../support/pdf';
import { openWorld, person, record, type World } from './world';

// What a report leaves out, decided day-exactly as of the moment of issue (today = 2026-11-21).
let w: World;
before(async () => {
  w = await openWorld();
});
after(() => w.core.dispose());

async function contentOf(reportId: number): Promise<ReportContent> {
  const row = await w.core.ctx.db.get<{ content_json: string }>('SELECT content_json FROM report WHERE id = ?', [reportId]);
  return JSON.parse(row!.content_json) as ReportContent;
}

test('publicity ending today is shown; ended yesterday, revoked, repaired and not yet public are not', async () => {
  const subject = person(1, '王小明', (id) => [
    record(id, { category: 'admin_penalty', severity: 'ordinary', title: 'ends-today', publicityEnd: '2026-11-21' }),
    record(id, { category: 'admin_penalty', severity: 'ordinary', title: 'ends-tomorrow', publicityEnd: '2026-11-22' }),
    record(id, { category: 'admin_penalty', severity: 'ordinary', title: 'ended-yesterday', publicityEnd: '2026-11-20' }),
    record(id, { category: 'admin_penalty', severity: 'serious', title: 'revoked', status: 'revoked' }),
    record(id, { category: 'admin_penalty', severity: 'minor', title: 'repaired', status: 'repaired' }),
    record(id, { category: 'admin_licence', title: 'starts-tomorrow', publicityStart: '2026-11-22' }),
    record(id, { category: 'admin_licence', title: 'licence-open-ended' }),
    record(id, { category: 'honour', title: 'disputed-honour', status: 'under_objection' }),
  ]);
  await w.seed(subject);
  const visitId = await w.lookupSelf(subject);
  const issued = await w.core.ok('report.issue', { visitId }, w.clerk);
  const content = await contentOf(issued.reportId);
  const titles = content.sections.flatMap((s) => s.records.map((r) => r.title)).sort();
  assert.deepEqual(titles, ['disputed-honour', 'ends-today', 'ends-tomorrow', 'licence-open-ended']);
  assert.equal(issued.counts.penalties, 2);
  assert.equal(issued.counts.licences, 1);
  const disputed = content.sections.flatMap((s) => s.records).find((r) => r.title === 'disputed-honour');
  assert.ok(disputed?.annotation, 'an open objection is annotated inline on its record');
  // The query history includes this very query, with the office and the purpose by name.
  assert.equal(content.queryHistory?.length, 1);
  assert.deepEqual(content.queryHistory?.[0]?.purpose?.zh, '本人了解自身信用状况');
  assert.equal(content.queryHistory?.[0]?.officeCode, w.core.ctx.office.code);
  const text = pdfText(await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk));
  assert.match(text, /ends-today/);
  assert.doesNotMatch(text, /ended-yesterday|\brevoked\b|\brepaired\b/);
  assert.match(text, /异议标注/);
});

test('the same record printed tomorrow is gone: exclusions follow the clock, not the stored status', async () => {
  const subject = person(2, '李四', (id) => [record(id, { category: 'admin_penalty', severity: 'ordinary', title: 'ends-today-2', publicityEnd: '2026-11-21' })]);
  await w.seed(subject);
  const today = await w.core.ok('report.issue', { visitId: await w.lookupSelf(subject) }, w.clerk);
  assert.equal(today.counts.penalties, 1);
  const saved = w.core.clock.now;
  w.core.clock.now = new Date('2026-11-22T01:00:00Z');
  try {
    await w.relogin();
    const tomorrow = await w.core.ok('report.issue', { visitId: await w.lookupSelf(subject) }, w.clerk);
    assert.equal(tomorrow.counts.penalties, 0);
  } finally {
    w.core.clock.now = saved;
    await w.relogin();
  }
});

test('a person with no record gets a signed "no record" report', async () => {
  const nobody = person(3, '赵无名');
  const r = await w.core.ok('counter.lookup', { idNumber: nobody.subject.idNumber, name: nobody.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
  assert.equal(r.found, false);
  const issued = await w.core.ok('report.issue', { visitId: r.visitId }, w.clerk);
  assert.equal(issued.noRecord, true);
  const text = pdfText(await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk), { layout: false }).replace(/\s+/g, '');
  assert.match(text, /未归集该身份证号码对应主体的公共信用信息/);
  assert.match(text, /赵无名/);
  // The number itself carries birth date and gender (GB 11643): the report says so instead of "—".
  const row = await w.core.ctx.db.get<{ content_json: string }>('SELECT content_json FROM report WHERE id = ?', [issued.reportId]);
  const content = JSON.parse(row!.content_json) as { subject: { gender: string | null; birthDate: string | null; regionCode: string | null } };
  assert.deepEqual(content.subject, { ...content.subject, gender: nobody.subject.idNumber.charCodeAt(16) % 2 === 1 ? 'M' : 'F', birthDate: '1985-03-12', regionCode: '110105' });
  const v = await w.core.ok('report.verify', { reportNo: issued.reportNo, code: issued.verifyCode }, w.clerk);
  assert.equal(v.genuine, true);
});

test('Measures 2025 (list entries are not repaired early): a black-list entry on a repaired penalty still prints; on a revoked one it does not', async () => {
  const subject = person(4, '钱多多', (id) => [
    record(id, { centralId: `${id}-RP`, category: 'admin_penalty', severity: 'serious', title: 'repaired-penalty', status: 'repaired' }),
    record(id, { centralId: `${id}-RV`, category: 'admin_penalty', severity: 'serious', title: 'revoked-penalty', status: 'revoked' }),
  ]);
  const entry = (n: string, recordCentralId: string) => ({
    centralId: `${subject.subject.centralId}-L${n}`, subjectCentralId: subject.subject.centralId, recordCentralId, listType: 'black' as const,
    listName: `严重失信名单${n}`, reason: '严重违法失信', basis: '国办发〔2020〕49号', decidingUnit: '某市市场监督管理局', enteredOn: '2026-01-10',
    exitOn: null, status: 'active' as const, measureCodes: [],
  });
  subject.listEntries.push(entry('1', `${subject.subject.centralId}-RP`), entry('2', `${subject.subject.centralId}-RV`));
  await w.seed(subject);
  const issued = await w.core.ok('report.issue', { visitId: await w.lookupSelf(subject) }, w.clerk);
  const content = await contentOf(issued.reportId);
  assert.deepEqual(content.sections.flatMap((s) => s.lists.map((l) => l.listName)), ['严重失信名单1']);
  assert.deepEqual(content.sections.flatMap((s) => s.records.map((r) => r.title)), []);
});
