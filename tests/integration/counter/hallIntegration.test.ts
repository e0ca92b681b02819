import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { LookupResult, PersonLookupInput } from '../../../shared/contract/counter';
import type { VisitEnded } from '../../../shared/contract/hall';
import type { AtWindow } from '../../../shared/domain/officeWindow';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { auditDetailFields } from '../../../shared/i18n/auditLabels';
import { evaluationsIdle, setEvaluationTiming, settleOrphanedEvaluations } from '../../../electron/services/hall/evaluationService';
import { openOfficeDatabaseRaw, openTestCore } from '../../support/core';
import { deadEvaluationAddress, startFakeEvaluationDevice, type FakeEvaluationDevice } from '../../support/fakeEvaluationDevice';
import { atWindow, clerkAt, enrolWindows } from '../../support/windowedCalls';
import { caseWorld, seedSubject, type CaseWorld } from '../cases/fixtures';

// Hall integration (issue 23): the hall's queue ticket (排队号) and case number (办件编号) on a
// visit, in the register and the audit log; and the hook that tells the hall's evaluation device
// (好差评) a visit has ended — delivered with the right fields, never holding up or failing the
// clerk's 结束接待, a failure recorded, nothing sent while the hook is off.

let w: CaseWorld;
let device: FakeEvaluationDevice;
let admin: string;
const window2: AtWindow = { id: 'w-hall-2222', number: 2 };

before(async () => {
  w = await caseWorld('2026-11-18T02:00:00Z');
  await seedSubject(w.core, 2);
  await seedSubject(w.core, 3);
  admin = (await w.core.loginAs('admin')).token;
  device = await startFakeEvaluationDevice();
  await enrolWindows(w.core, [window2], '2026-11-17T01:00:00Z');
});
after(async () => {
  await device.close();
  await w.core.dispose();
});

const lookup = (over: Partial<PersonLookupInput> = {}): PersonLookupInput => ({
  idNumber: w.subject.idNumber, name: w.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check', ...over,
});
const count = async (sql: string, params: unknown[] = []) => (await w.core.ctx.db.get<{ n: number }>(sql, params))!.n;
const evaluationRow = (visitId: number) =>
  w.core.ctx.db.get<{ state: string; attempts: number; failure: string | null; http_status: number | null }>('SELECT state, attempts, failure, http_status FROM hall_evaluation WHERE visit_id = ?', [visitId]);
const useDevice = async (url: string) => w.core.ok('hall.configureEvaluation', { adapter: 'http', url }, admin);
const hookOff = async () => w.core.ok('hall.configureEvaluation', { adapter: 'none', url: '' }, admin);

test('the queue ticket and hall case number are kept on the visit, in its audit event and in the register (screen, filter, export)', async () => {
  const r = await w.core.ok('counter.lookup', lookup({ queueTicket: ' A017 ', hallCaseNo: '330102-2026-000123' }), w.clerk);
  const visit = await w.core.ctx.db.get<{ queue_ticket: string; hall_case_no: string }>('SELECT queue_ticket, hall_case_no FROM visit WHERE id = ?', [r.visitId]);
  assert.deepEqual({ ...visit }, { queue_ticket: 'A017', hall_case_no: '330102-2026-000123' });
  const event = await w.core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'counter.lookup' AND json_extract(detail, '$.visitId') = ?", [r.visitId]);
  const detail = JSON.parse(event!.detail) as Record<string, unknown>;
  assert.equal(detail.queueTicket, 'A017');
  assert.equal(detail.hallCaseNo, '330102-2026-000123');
  // The auditor reads them by their names.
  const fields = new Map(auditDetailFields(detail, 'zh'));
  assert.equal(fields.get('排队号'), 'A017');
  assert.equal(fields.get('办件编号'), '330102-2026-000123');
  // Another lookup without them: the register shows nothing for it.
  await w.core.ok('counter.lookup', { ...lookup(), idNumber: (await seedSubject(w.core, 5)).idNumber, name: '张三' }, w.clerk);
  const page = await w.core.ok('querylog.list', { cursor: null, limit: 10 }, w.manager);
  const row = page.rows.find((x) => x.visitId === r.visitId)!;
  assert.deepEqual([row.queueTicket, row.hallCaseNo], ['A017', '330102-2026-000123']);
  assert.ok(page.rows.some((x) => x.queueTicket === null && x.hallCaseNo === null));
  const filtered = await w.core.ok('querylog.list', { hallCaseNo: '330102-2026-000123', cursor: null, limit: 10 }, w.manager);
  assert.deepEqual(filtered.rows.map((x) => x.visitId), [r.visitId]);
  const file = await w.core.ok('querylog.export', { hallCaseNo: '330102-2026-000123', format: 'csv', lang: 'zh' }, w.manager);
  const csv = Buffer.from(file.dataBase64, 'base64').toString('utf8');
  assert.match(csv.split(/\r?\n/)[0]!, /排队号,办件编号$/);
  assert.match(csv.split(/\r?\n/)[1]!, /,A017,330102-2026-000123$/);
  const exported = await w.core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'querylog.exported' ORDER BY seq DESC LIMIT 1");
  assert.equal((JSON.parse(exported!.detail) as { filter: { hallCaseNo: string } }).filter.hallCaseNo, '330102-2026-000123');
});

test('a ticket or case number with other characters, or too long, is refused with its own sentence and nothing is written', async () => {
  const before = await count('SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM audit_event) AS n');
  const cases: [Partial<PersonLookupInput>, string, string, string][] = [
    [{ queueTicket: 'A 017' }, 'queueTicket', '“排队号”：只能包含英文字母、数字和连字符“-”，请核对或重新扫描。', "Queue ticket: Letters, digits and '-' only; check it or scan it again."],
    [{ hallCaseNo: '浙A-0001' }, 'hallCaseNo', '“办件编号”：只能包含英文字母、数字和连字符“-”，请核对或重新扫描。', "Hall case no.: Letters, digits and '-' only; check it or scan it again."],
    [{ queueTicket: 'A'.repeat(17) }, 'queueTicket', '“排队号”：不能超过 16 个字符。', 'Queue ticket: At most 16 characters.'],
    [{ hallCaseNo: '1'.repeat(41) }, 'hallCaseNo', '“办件编号”：不能超过 40 个字符。', 'Hall case no.: At most 40 characters.'],
  ];
  for (const [over, path, zh, en] of cases) {
    const r = await w.core.call('counter.lookup', lookup(over), w.clerk);
    assert.ok(!r.ok && r.error.code === 'VALIDATION', JSON.stringify(over));
    assert.equal((r.error.details?.issues as { path: string }[])[0]!.path, path);
    assert.equal(errorMessage(r.error, 'zh'), zh);
    assert.equal(errorMessage(r.error, 'en'), en);
  }
  // An entity's lookup takes the same rule.
  const entity = await w.core.call('counter.lookup', { subjectKind: 'entity', creditCode: '91330100MA2H1A2B3C', name: '某公司', reportKind: 'full', purposeCode: 'bidding', applicant: { kind: 'legal_rep', idNumber: w.subject.idNumber, name: w.subject.name, licenceSighted: true }, queueTicket: 'B#2' }, w.clerk);
  assert.ok(!entity.ok && entity.error.code === 'VALIDATION');
  assert.ok((entity.error.details?.issues as { path: string; reason: string }[]).some((i) => i.path === 'queueTicket' && i.reason === 'hall_number_chars'));
  assert.equal(await count('SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM audit_event) AS n'), before);
});

test("with the hook off (the default) a visit ends, is audited, and nothing is queued or sent", async () => {
  const r = await w.core.ok('counter.lookup', lookup({ queueTicket: 'C001' }), w.clerk);
  const ended = await w.core.ok('counter.endVisit', { visitId: r.visitId }, w.clerk);
  assert.deepEqual(ended, { visitId: r.visitId, endedAt: w.core.clock.now.toISOString(), alreadyEnded: false });
  assert.equal(await count('SELECT count(*) AS n FROM visit_end WHERE visit_id = ?', [r.visitId]), 1);
  assert.equal(await count('SELECT count(*) AS n FROM hall_evaluation'), 0);
  const event = await w.core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'counter.visit_end' AND target = ?", [`visit:${r.visitId}`]);
  assert.deepEqual(JSON.parse(event!.detail), { visitId: r.visitId, queueTicket: 'C001', serviceItems: ['lookup'], evaluation: false });
  // The next notification the device receives is of a visit ended after the hook was turned on.
  await useDevice(device.url);
  const second = await w.core.ok('counter.lookup', lookup({ queueTicket: 'C002' }), w.clerk);
  await w.core.ok('counter.endVisit', { visitId: second.visitId }, w.clerk);
  assert.equal((await device.next()).body.visitId, second.visitId);
  await evaluationsIdle(w.core.ctx);
  assert.equal(device.received.length, 1);
  await hookOff();
});

test('delivered with the right fields; a second end answers as the first and sends nothing more; the same lookup after the end is a new visit', async () => {
  await useDevice(device.url);
  const sent = device.received.length;
  const r = await w.core.ok('counter.lookup', lookup({ queueTicket: 'A018', hallCaseNo: 'HZ-2026-77' }), w.clerk);
  await w.core.ok('report.issue', { visitId: r.visitId }, w.clerk);
  const clerkName = (await w.core.ctx.db.get<{ username: string; display_name: string }>('SELECT username, display_name FROM account a JOIN visit v ON v.clerk_id = a.id WHERE v.id = ?', [r.visitId]))!;
  const startedAt = w.core.clock.now.toISOString();
  w.core.clock.now = new Date(w.core.clock.now.getTime() + 5 * 60_000);
  const ended = await w.core.ok('counter.endVisit', { visitId: r.visitId }, w.clerk);
  const got = await device.next();
  assert.equal(got.path, '/evaluate');
  assert.match(String(got.headers['content-type']), /^application\/json/);
  assert.equal(got.headers['idempotency-key'], `${w.core.ctx.office.code}-${r.visitId}`);
  assert.deepEqual(got.body, {
    type: 'creditdesk.visit_ended', version: 1, test: false,
    officeCode: w.core.ctx.office.code, officeName: w.core.ctx.office.name, windowNumber: null, visitId: r.visitId,
    clerk: { username: clerkName.username, name: clerkName.display_name },
    queueTicket: 'A018', hallCaseNo: 'HZ-2026-77', startedAt, endedAt: ended.endedAt,
    serviceItems: [{ code: 'lookup', name: '信用信息查询', count: 1 }, { code: 'report_issued', name: '出具信用报告', count: 1 }],
  });
  await evaluationsIdle(w.core.ctx);
  assert.deepEqual({ ...(await evaluationRow(r.visitId)) }, { state: 'delivered', attempts: 1, failure: null, http_status: 204 });
  const again = await w.core.ok('counter.endVisit', { visitId: r.visitId }, w.clerk);
  assert.deepEqual(again, { ...ended, alreadyEnded: true });
  await evaluationsIdle(w.core.ctx);
  assert.equal(device.received.length, sent + 1);
  assert.equal(await count("SELECT count(*) AS n FROM audit_event WHERE action = 'counter.visit_end' AND target = ?", [`visit:${r.visitId}`]), 1);
  // Only the clerk of the visit ends it.
  const other = await w.core.call('counter.endVisit', { visitId: r.visitId }, (await w.core.loginAs('clerk')).token);
  assert.ok(!other.ok && other.error.code === 'FORBIDDEN');
  // An ended visit is over: the same lookup at once opens a new one.
  const d = await w.core.ok('counter.lookup', lookup({ queueTicket: 'A019' }), w.clerk);
  await w.core.ok('counter.endVisit', { visitId: d.visitId }, w.clerk);
  await device.next();
  await evaluationsIdle(w.core.ctx);
  const same = await w.core.ok('counter.lookup', lookup({ queueTicket: 'A019' }), w.clerk);
  assert.equal(same.reused, false);
  assert.notEqual(same.visitId, d.visitId);
  // …and another ticket within the repeat window is another service, not a repeated press.
  const otherTicket = await w.core.ok('counter.lookup', lookup({ queueTicket: 'A020' }), w.clerk);
  assert.notEqual(otherTicket.visitId, same.visitId);
  await hookOff();
});

test('at a window: the window and the ticket are in the register, the visit end event and the notification', async () => {
  await useDevice(device.url);
  const clerk2 = await clerkAt(w.core, window2, 'hall-clerk-2');
  const r = await atWindow<LookupResult>(w.core, window2, 'counter.lookup', lookup({ idNumber: (await seedSubject(w.core, 6)).idNumber, name: '张三', queueTicket: 'W2-005', hallCaseNo: 'HZ-2026-88' }), clerk2);
  const row = (await w.core.ok('querylog.list', { windowNumber: 2, cursor: null, limit: 10 }, w.manager)).rows.find((x) => x.visitId === r.visitId)!;
  assert.deepEqual([row.windowNumber, row.queueTicket, row.hallCaseNo], [2, 'W2-005', 'HZ-2026-88']);
  await atWindow<VisitEnded>(w.core, window2, 'counter.endVisit', { visitId: r.visitId }, clerk2);
  const got = await device.next();
  assert.deepEqual([got.body.windowNumber, got.body.queueTicket, got.body.visitId], [2, 'W2-005', r.visitId]);
  const event = await w.core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'counter.visit_end' AND target = ?", [`visit:${r.visitId}`]);
  assert.equal((JSON.parse(event!.detail) as { window: number }).window, 2);
  await evaluationsIdle(w.core.ctx);
  await hookOff();
});

test('device down: the visit ends at once; the notification is tried twice and recorded as failed (settings, audit event)', async () => {
  setEvaluationTiming(w.core.ctx, { retryDelayMs: 5 });
  await useDevice(await deadEvaluationAddress());
  const r = await w.core.ok('counter.lookup', lookup({ queueTicket: 'D001' }), w.clerk);
  const ended = await w.core.ok('counter.endVisit', { visitId: r.visitId }, w.clerk);
  assert.equal(ended.alreadyEnded, false);
  await evaluationsIdle(w.core.ctx);
  assert.deepEqual({ ...(await evaluationRow(r.visitId)) }, { state: 'failed', attempts: 2, failure: 'device_unreachable', http_status: null });
  const event = await w.core.ctx.db.get<{ actor: string | null; detail: string }>("SELECT actor, detail FROM audit_event WHERE action = 'hall.evaluation_failed' AND target = ?", [`visit:${r.visitId}`]);
  assert.equal(event!.actor, null);
  assert.deepEqual(JSON.parse(event!.detail), { visitId: r.visitId, failure: 'device_unreachable', attempts: 2 });
  assert.deepEqual(new Map(auditDetailFields(JSON.parse(event!.detail) as Record<string, unknown>, 'zh')).get('未通过原因'), '评价器无法连接');
  const settings = await w.core.ok('hall.evaluation', {}, admin);
  assert.deepEqual(settings.delivery.lastFailure, { visitId: r.visitId, at: w.core.clock.now.toISOString(), reason: 'device_unreachable', httpStatus: null });
  assert.ok(settings.delivery.today.failed >= 1);
  await hookOff();
});

test('device slow: the end is answered while the device still holds the request; a device that never answers fails as a timeout', async () => {
  // A long timeout: were the clerk's call waiting on the device, it would not come back before the release below.
  setEvaluationTiming(w.core.ctx, { timeoutMs: 60_000, retryDelayMs: 5 });
  await useDevice(device.url);
  device.answer = 'hold';
  const r = await w.core.ok('counter.lookup', lookup({ queueTicket: 'S001' }), w.clerk);
  await w.core.ok('counter.endVisit', { visitId: r.visitId }, w.clerk);
  assert.equal((await device.next()).body.visitId, r.visitId);
  assert.equal((await evaluationRow(r.visitId))!.state, 'pending');
  device.release(204);
  await evaluationsIdle(w.core.ctx);
  assert.equal((await evaluationRow(r.visitId))!.state, 'delivered');
  // Now one that never answers, with a short timeout.
  setEvaluationTiming(w.core.ctx, { timeoutMs: 50 });
  const s = await w.core.ok('counter.lookup', lookup({ queueTicket: 'S002' }), w.clerk);
  await w.core.ok('counter.endVisit', { visitId: s.visitId }, w.clerk);
  await evaluationsIdle(w.core.ctx);
  device.release(204);
  assert.deepEqual({ ...(await evaluationRow(s.visitId)) }, { state: 'failed', attempts: 2, failure: 'device_timeout', http_status: null });
  device.answer = { status: 204 };
  setEvaluationTiming(w.core.ctx, { timeoutMs: 3000 });
  await hookOff();
});

test('device answers 500: tried once more, then failed; a 400 is not tried again', async () => {
  await useDevice(device.url);
  for (const [status, attempts] of [[500, 2], [400, 1]] as const) {
    device.answer = { status };
    const before = device.received.length;
    const r = await w.core.ok('counter.lookup', lookup({ queueTicket: `E${status}` }), w.clerk);
    await w.core.ok('counter.endVisit', { visitId: r.visitId }, w.clerk);
    await evaluationsIdle(w.core.ctx);
    assert.deepEqual({ ...(await evaluationRow(r.visitId)) }, { state: 'failed', attempts, failure: 'device_http_error', http_status: status });
    assert.equal(device.received.length - before, attempts);
  }
  device.answer = { status: 204 };
  await hookOff();
});

test('settings: a bad address is refused with its sentence and changes nothing; a change is audited; a test notification is sent; a clerk may not', async () => {
  const before = await w.core.ok('hall.evaluation', {}, admin);
  const events = await count("SELECT count(*) AS n FROM audit_event WHERE action LIKE 'settings.hall%'");
  const refusals: [string, string, string][] = [
    ['', '“地址”：选择“网络推送”时须填写评价器的地址。', 'Address: With HTTP POST chosen, enter the evaluation device’s address.'],
    ['ftp://192.168.1.20/evaluate', '“地址”：评价器地址须以 http:// 或 https:// 开头。', 'Address: The evaluation device’s address starts with http:// or https://.'],
    ['http://user:secret@192.168.1.20/evaluate', '“地址”：地址中不能含用户名或密码（会显示在屏幕上并写入审计日志）。', 'Address: The address may not hold a user name or password (it is shown on screen and written to the audit log).'],
    ['192.168.1.20 evaluate', '“地址”：这不是一个地址，应形如 http://192.168.1.20:8080/evaluate。', 'Address: This is not an address; it looks like http://192.168.1.20:8080/evaluate.'],
  ];
  for (const [url, zh, en] of refusals) {
    const r = await w.core.call('hall.configureEvaluation', { adapter: 'http', url }, admin);
    assert.ok(!r.ok && r.error.code === 'VALIDATION', url);
    assert.equal(errorMessage(r.error, 'zh'), zh);
    assert.equal(errorMessage(r.error, 'en'), en);
  }
  const clerk = await w.core.call('hall.configureEvaluation', { adapter: 'http', url: device.url }, w.clerk);
  assert.ok(!clerk.ok && clerk.error.code === 'FORBIDDEN');
  assert.deepEqual(await w.core.ok('hall.evaluation', {}, admin), before);
  assert.equal(await count("SELECT count(*) AS n FROM audit_event WHERE action LIKE 'settings.hall%'"), events);

  const saved = await w.core.ok('hall.configureEvaluation', { adapter: 'http', url: ` ${device.url} ` }, admin);
  assert.deepEqual([saved.adapter, saved.url, saved.timeoutMs], ['http', device.url, 3000]);
  const change = await w.core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'settings.hall_evaluation' ORDER BY seq DESC LIMIT 1");
  assert.deepEqual(new Map(auditDetailFields(JSON.parse(change!.detail) as Record<string, unknown>, 'zh')), new Map([['评价器对接方式', '网络推送'], ['评价器地址', device.url]]));
  device.skipReceived();
  const tested = await w.core.ok('hall.testEvaluation', { adapter: 'http', url: device.url }, admin);
  assert.deepEqual(tested, { delivered: true, reason: null, httpStatus: 204 });
  const sample = await device.next();
  assert.equal(sample.body.test, true);
  const dead = await w.core.ok('hall.testEvaluation', { adapter: 'http', url: await deadEvaluationAddress() }, admin);
  assert.deepEqual(dead, { delivered: false, reason: 'device_unreachable', httpStatus: null });
  assert.equal(await count("SELECT count(*) AS n FROM audit_event WHERE action = 'settings.hall_evaluation_test'"), 2);
  await hookOff();
  assert.deepEqual([(await w.core.ok('hall.evaluation', {}, admin)).adapter, (await w.core.ok('hall.evaluation', {}, admin)).url], ['none', '']);
});

test('a pending notification no one is sending (a core that stopped) is failed as interrupted, never sent late', async () => {
  await hookOff();
  const r = await w.core.ok('counter.lookup', lookup({ queueTicket: 'O001' }), w.clerk);
  await w.core.ok('counter.endVisit', { visitId: r.visitId }, w.clerk);
  // As a core killed between the end's commit and the notification would leave it.
  await w.core.ctx.db.run("INSERT INTO hall_evaluation (visit_id, queued_at, url, state) VALUES (?, ?, ?, 'pending')", [r.visitId, w.core.clock.now.toISOString(), device.url]);
  const sent = device.received.length;
  await settleOrphanedEvaluations(w.core.ctx);
  assert.deepEqual({ ...(await evaluationRow(r.visitId)) }, { state: 'failed', attempts: 0, failure: 'device_interrupted', http_status: null });
  assert.equal(device.received.length, sent);
});

test('a core that closes while the device holds a notification records it as interrupted, and closes', async () => {
  const core = await openTestCore({ now: '2026-11-18T02:00:00Z' });
  try {
    const seeded = await seedSubject(core, 9);
    const admin2 = (await core.loginAs('admin')).token;
    const clerk = (await core.loginAs('clerk')).token;
    await core.ok('hall.configureEvaluation', { adapter: 'http', url: device.url }, admin2);
    device.answer = 'hold';
    const r = await core.ok('counter.lookup', { idNumber: seeded.idNumber, name: seeded.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk);
    device.skipReceived();
    await core.ok('counter.endVisit', { visitId: r.visitId }, clerk);
    await device.next();
    await core.close();
    const db = await openOfficeDatabaseRaw(core.dir);
    const row = await db.get<{ state: string; failure: string }>('SELECT state, failure FROM hall_evaluation WHERE visit_id = ?', [r.visitId]);
    const failed = await db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'hall.evaluation_failed'");
    await db.close();
    assert.deepEqual({ ...row }, { state: 'failed', failure: 'device_interrupted' });
    assert.equal(failed!.n, 1);
  } finally {
    device.release(204);
    device.answer = { status: 204 };
    rmSync(core.dir, { recursive: true, force: true });
  }
});
