// The join code (issue 23) as the administrator's screen prints it and a clerk types it back:
// the whole code round-trips, the short code is forgiving of case, dashes and look-alike letters,
// and anything incomplete is refused by its reason before a connection is made.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJoinCode, JoinCodeError, normaliseSecret, parseJoinCode, shortCode } from '../../../shared/domain/officeWindow';
import { parseListen } from '../../../tools/cli/hostCommands';

const PIN = 'ab'.repeat(32);
const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof JoinCodeError);
    return err.reason;
  }
  return 'accepted';
};

test('the whole code round-trips, IPv6 included', () => {
  for (const address of ['192.168.10.5', 'fd00::5']) {
    const j = { address, port: 8443, pin: PIN, secret: 'K7QM4T2ZX8RCNW3P' };
    assert.deepEqual(parseJoinCode(formatJoinCode(j)), j);
  }
});

test('the short code: groups, lower case, O for 0 and I or L for 1 are read as meant', () => {
  assert.equal(shortCode('K7QM4T2ZX8RCNW3P'), 'K7QM-4T2Z-X8RC-NW3P');
  assert.equal(normaliseSecret('k7qm-4t2z x8rc-nw3p'), 'K7QM4T2ZX8RCNW3P');
  assert.equal(normaliseSecret('O1IL'), '0111');
  assert.deepEqual(parseJoinCode('k7qm-4t2z-x8rc-nw3p', { host: '[fd00::5]:8443', pin: PIN.slice(0, 16).toUpperCase() }), { address: 'fd00::5', port: 8443, pin: PIN.slice(0, 16), secret: 'K7QM4T2ZX8RCNW3P' });
});

test('incomplete or malformed codes are refused by their reason', () => {
  assert.equal(reason(() => parseJoinCode('K7QM-4T2Z-X8RC-NW3P')), 'code_malformed');
  assert.equal(reason(() => parseJoinCode('K7QM-4T2Z-X8RC-NW3U', { host: '10.0.0.1:1', pin: PIN })), 'code_malformed');
  assert.equal(reason(() => parseJoinCode('K7QM-4T2Z-X8RC-NW3P', { host: '10.0.0.1:1', pin: PIN.slice(0, 15) })), 'pin_malformed');
  assert.equal(reason(() => parseJoinCode('K7QM-4T2Z-X8RC-NW3P', { host: 'office:8443', pin: PIN })), 'address_malformed');
  assert.equal(reason(() => parseJoinCode(`creditdesk-join/2/10.0.0.1/1/${PIN}/K7QM4T2ZX8RCNW3P`)), 'code_malformed');
  assert.equal(reason(() => parseJoinCode(`creditdesk-join/1/10.0.0.1/0/${PIN}/K7QM4T2ZX8RCNW3P`)), 'address_malformed');
});

test('--listen takes one IP address and a port, never every address', () => {
  assert.deepEqual(parseListen('192.168.10.5:8443'), { address: '192.168.10.5', port: 8443 });
  assert.deepEqual(parseListen('[fd00::5]:0'), { address: 'fd00::5', port: 0 });
  for (const bad of ['0.0.0.0:8443', '[::]:8443', '[0:0::0]:1', 'host:8443', '10.0.0.1', '10.0.0.256:1', '', undefined]) {
    assert.throws(() => parseListen(bad), /--listen/, String(bad));
  }
});
