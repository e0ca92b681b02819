import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditDetailFields } from '../../../shared/i18n/auditLabels';

// The audit screen shows an event's details as labelled fields in the reader's language: a refused
// agent's event names the reason as the sentence the clerk saw, never as the internal code.
test('a refused agent query reads as the reason the clerk was given, in Chinese and in English', () => {
  const detail = { code: 'AUTHORIZATION_EXPIRED', documentNo: 'SQ-2026-001', agentIdNumber: '110101199001010011' };
  assert.deepEqual(auditDetailFields(detail, 'zh'), [
    ['原因', '授权书已过有效期，不能代理查询。'],
    ['授权书编号', 'SQ-2026-001'],
    ['代理人身份证号', '110101199001010011'],
  ]);
  assert.deepEqual(auditDetailFields(detail, 'en')[0], ['Reason', 'The authorization has expired; the agent cannot query.']);
});

test('a code the console has no sentence for is shown as written, not dropped', () => {
  assert.deepEqual(auditDetailFields({ code: 'SOMETHING_NEW' }, 'zh'), [['原因', 'SOMETHING_NEW']]);
});
