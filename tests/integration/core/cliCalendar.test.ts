// `creditdesk calendar show|propose|confirm` against a real office directory (issue 27): the same
// rules as the calendar screen, with the person acting signed in by their own password, each
// refusal said in English and Chinese with exit 1, bad arguments exit 2. The command line runs on
// a stated office clock (tests/support/clockedCreditdesk.ts), never the day the suite runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { NOTICE_2026, NOTICE_2027_ITEMS, NOTICE_2027_NO } from '../../support/arrangementNotices';
import { openOfficeDatabaseRaw, openTestCore, TEST_ENV, TEST_PASSWORD } from '../../support/core';
import { nodeScript } from '../../support/nodeScript';

const NOW = '2026-12-10T10:00:00+08:00';
let dir: string;
let scratch: string;
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

before(async () => {
  const core = await openTestCore({ now: '2026-12-10T02:00:00Z' });
  await core.loginAs('admin', 'chen');
  await core.loginAs('admin', 'zhao');
  await core.loginAs('manager', 'li');
  await core.loginAs('clerk', 'wang');
  await core.close();
  dir = core.dir;
  scratch = mkdtempSync(join(tmpdir(), 'cd-cli-calendar-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

function creditdesk(args: string[], opts: { now?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [...nodeScript(join(import.meta.dirname, '..', '..', 'support', 'clockedCreditdesk.ts')), '--office-now', opts.now ?? NOW, ...args], {
    encoding: 'utf8',
    input: opts.input ?? '',
    env: { ...process.env, ...TEST_ENV },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('an administrator enters the 2027 notice, the same one cannot confirm it, a manager does, and show tells each step', async () => {
  const password = file('password', `${TEST_PASSWORD}\n`);
  const wrongPassword = file('wrong', 'not-the-password-1\n');
  const as = (user: string, pw = password) => ['--user', user, '--password-file', pw, '--data-dir', dir];
  const notice = file('notice-2027.txt', NOTICE_2027_ITEMS);

  const before = creditdesk(['calendar', 'show', '--data-dir', dir]);
  assert.equal(before.code, 0, before.err);
  assert.match(before.out, /^office calendar: 2004–2026$/m);
  assert.match(before.out, /^ {2}2004–2026 {2}built in \(chinese-days\)$/m);
  assert.match(before.out, /^missing: 2027 /m);
  assert.match(before.out, /^no entry is waiting for confirmation$/m);

  // Usage: exit 2, saying what is missing; nothing opened.
  const usage = (args: string[], message: RegExp) => {
    const r = creditdesk(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.out}${r.err}`);
    assert.match(r.err, message);
  };
  usage(['calendar'], /"calendar" needs a subcommand: show, propose, confirm/);
  usage(['calendar', 'propose', '--notice', NOTICE_2027_NO, '--text-file', notice, ...as('chen')], /--year YEAR is required/);
  usage(['calendar', 'propose', '--year', '2027', '--text-file', notice, ...as('chen')], /--notice NO is required/);
  usage(['calendar', 'propose', '--year', '2027', '--notice', NOTICE_2027_NO, '--text-file', join(scratch, 'none.txt'), ...as('chen')], /The text file .*none\.txt cannot be read \(ENOENT\)/);
  usage(['calendar', 'propose', '--year', '2027', '--notice', NOTICE_2027_NO, '--text-file', notice, '--data-dir', dir], /--user NAME is required/);
  usage(['calendar', 'propose', '--year', '2027', '--notice', NOTICE_2027_NO, '--text-file', notice, '--user', 'chen', '--data-dir', dir], /--password-file FILE is required when not run at a terminal/);
  usage(['calendar', 'confirm', '--id', 'one', ...as('li')], /--id N is required/);

  // Refusals: exit 1, in English and in Chinese.
  const refused = (args: string[], opts: { now?: string; input?: string } = {}) => {
    const r = creditdesk(args, opts);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.out}${r.err}`);
    return r.err;
  };
  const propose = (text: string) => ['calendar', 'propose', '--year', '2027', '--notice', NOTICE_2027_NO, '--text-file', text];
  let err = refused([...propose(file('notice-2026.txt', NOTICE_2026)), ...as('chen')]);
  assert.match(err, /^The notice text cannot be read \(\d+ problem\(s\)\); nothing was entered\.$/m);
  assert.match(err, /Line 1: this is the holiday notice for 2026, but the year entered is 2027\./);
  assert.match(err, /第 6 行：通知写 1月1日 是周四，但 2027-01-01 是周五。/);
  err = refused([...propose(file('no-qingming.txt', NOTICE_2027_ITEMS.replace(/^三、.*\n/m, ''))), ...as('chen')]);
  assert.match(err, /^VALIDATION: Holidays: 2027-04-05 \(Qingming Festival\) is a statutory holiday: list it among the holidays\.$/m);
  assert.match(err, /^“放假日期”：2027-04-05（清明节）是法定节假日，安排中必须列为放假。$/m);
  assert.match(refused([...propose(notice), ...as('chen', wrongPassword)]), /^BAD_CREDENTIALS: /m);
  assert.match(refused([...propose(notice), ...as('wang')]), /^FORBIDDEN: Your role does not allow this action\.$/m);
  assert.match(refused([...propose(notice), ...as('li')]), /^FORBIDDEN: Only an administrator can enter a holiday arrangement\.$/m);
  // A year ago, no notice for 2027 could have been published.
  assert.match(refused([...propose(notice), ...as('chen')], { now: '2025-12-10T10:00:00+08:00' }), /^VALIDATION: Year: No notice for 2027 can have been published yet \(2026 at the latest\)\.$/m);

  // Entered from standard input.
  const entered = creditdesk([...propose('-'), ...as('chen')], { input: NOTICE_2027_ITEMS });
  assert.equal(entered.code, 0, entered.err);
  assert.match(entered.out, /^entry (\d+): the 2027 arrangement \(29 days off, 5 make-up working days\) waits for another administrator or a manager: calendar confirm --id \1$/m);
  const id = /^entry (\d+):/m.exec(entered.out)![1]!;

  const waiting = creditdesk(['calendar', 'show', '--data-dir', dir]);
  assert.match(waiting.out, new RegExp(`^waiting for confirmation: entry ${id}, 2027, ${NOTICE_2027_NO}, entered by chen at 2026-12-10 10:\\d\\d \\(China time\\)$`, 'm'));
  assert.match(waiting.out, /^ {2}weekday holidays \(18\): 2027-01-01 2027-02-05 2027-02-08 /m);
  assert.match(waiting.out, /^ {2}make-up working days \(5\): 2027-02-14 2027-02-20 2027-05-08 2027-09-26 2027-10-09$/m);

  assert.match(refused(['calendar', 'confirm', '--id', id, ...as('chen')]), /^FORBIDDEN: The person who entered the arrangement cannot confirm it: a second administrator or a manager must\.$/m);
  assert.match(refused(['calendar', 'confirm', '--id', '99', ...as('li')]), /^NOT_FOUND: There is no pending holiday arrangement with this number\.$/m);
  const confirmed = creditdesk(['calendar', 'confirm', '--id', id, ...as('li')]);
  assert.equal(confirmed.code, 0, confirmed.err);
  assert.match(confirmed.out, new RegExp(`^entry ${id} confirmed: the office calendar now covers 2004–2027; the deadlines of open cases were recounted$`, 'm'));

  const after = creditdesk(['calendar', 'show', '--data-dir', dir]);
  assert.match(after.out, /^office calendar: 2004–2027$/m);
  assert.match(after.out, new RegExp(`^ {2}2027 {7}entered by hand \\(entry ${id}, confirmed\\)$`, 'm'));
  assert.doesNotMatch(after.out, /^missing:/m);
  assert.match(after.out, /^no entry is waiting for confirmation$/m);
  assert.match(refused(['calendar', 'confirm', '--id', id, ...as('zhao')]), /^NOT_FOUND: /m, 'a confirmed entry is not pending any more');

  // The audit log names who entered and who confirmed, each signed in as themselves.
  const db = await openOfficeDatabaseRaw(dir);
  try {
    const events = await db.all<{ action: string; actor: string }>("SELECT action, actor FROM audit_event WHERE action LIKE 'calendar.%' ORDER BY seq");
    assert.deepEqual(events, [{ action: 'calendar.proposed', actor: 'chen' }, { action: 'calendar.confirmed', actor: 'li' }]);
  } finally {
    await db.close();
  }
});
