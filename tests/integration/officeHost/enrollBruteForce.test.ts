// Issue 23, the attack on the one endpoint open without a certificate: guessing enrollment codes.
// A source that sent ENROLL_TRIES_PER_SOURCE wrong codes is refused without its code being looked
// at, even a right one, until ENROLL_LOCK_MINUTES of the office clock have passed; the audit chain
// gets one event per counted try and one for the lock, not one per try after it. Its own office,
// host and loopback address (127.0.23.5), so no other file's refusals count here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import type { RunningOfficeHost } from '../../../electron/host/officeHost';
import { pinnedConnect, requestOver } from '../../../electron/office/hostConnection';
import { joinOffice } from '../../../electron/office/joinOffice';
import { ENROLL_LOCK_MINUTES, ENROLL_TRIES_PER_SOURCE } from '../../../electron/services/office/enrollmentGuard';
import { createEnrollmentCode } from '../../../electron/services/office/windowService';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { openTestCore, type TestCore } from '../../support/core';
import { observedError } from '../../support/errorCoverage';
import { testWorkstation } from '../../support/officeWindow';

const ADDRESS = '127.0.23.5';
let core: TestCore;
let host: RunningOfficeHost & { pin: string };

before(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  host = await serveOfficeHost(core.ctx, ADDRESS, 0);
});
after(async () => {
  await host.close();
  await core.dispose();
});

async function tryCode(secret: string) {
  const socket = await pinnedConnect({ address: ADDRESS, port: host.port, pin: host.pin });
  return requestOver(socket, 'POST', '/enroll', { secret, csr: 'not even a request' });
}

const count = async (action: string) => (await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_event WHERE action = ?', [action]))!.n;

test('guessing codes: the source is paused after the limit (a right code included), one audit event per counted try and one for the pause', async () => {
  for (let i = 0; i < ENROLL_TRIES_PER_SOURCE; i++) {
    const r = await tryCode(`ABCDEFGHJKMN${String(i).padStart(4, '0')}`);
    assert.equal(r.status, 403);
    assert.ok(!r.result.ok && r.result.error.details?.reason === 'code_unknown');
  }
  const right = await createEnrollmentCode(core.ctx, null, { number: 1 });
  const ws = await testWorkstation();
  await assert.rejects(joinOffice(ws.dir, ws.seal, right.code), (e: Error & { code?: string; details?: Record<string, unknown> }) => {
    observedError(e.code);
    observedError(e.details?.reason);
    assert.equal(e.details?.reason, 'too_many_attempts');
    assert.match(errorMessage({ code: 'ENROLLMENT_REFUSED', message: e.message, details: e.details }, 'zh'), /注册已暂停/);
    return true;
  });
  for (let i = 0; i < 5; i++) await tryCode('ZZZZZZZZZZZZZZZZ');
  assert.equal(await count('window.enroll_refused'), ENROLL_TRIES_PER_SOURCE);
  assert.equal(await count('window.enroll_locked'), 1);

  core.clock.now = new Date(core.clock.now.getTime() + ENROLL_LOCK_MINUTES * 60_000);
  const later = await createEnrollmentCode(core.ctx, null, { number: 1 });
  assert.equal((await joinOffice(ws.dir, ws.seal, later.code)).number, 1, 'the pause ends on the office clock');
});
