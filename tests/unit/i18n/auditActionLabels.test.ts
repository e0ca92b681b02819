import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '../../../electron/services/audit/auditService';
import { auditActionCodes, auditActionLabel, type AuditAction } from '../../../shared/i18n/auditLabels';

// An auditor reads every event by its name, never as "other action" (issue 26). The guarantee is
// the type: auditIn, the one writer of audit events, takes an AuditAction, which is made from the
// label table's own keys; an action without a name, however it is built (a template string, a
// ternary, a variable), does not compile. `npm run typecheck` checks this file, so the two lines
// expected to be type errors below are the attack: were they accepted, the type check would fail.

// @ts-expect-error an action the label table does not name
const unnamed: AuditEntry = { action: 'report.shredded', target: null, detail: {} };
const built = (step: string) => ({ action: `objection.${step}`, target: null, detail: {} });
// @ts-expect-error a case step built from any string is not an action either
const fromAnyString: AuditEntry = built('teleported');
const named: AuditEntry = { action: 'objection.decide', target: null, detail: {} };

test('every action the audit log can hold has a readable name in Chinese and in English', () => {
  const codes = auditActionCodes();
  assert.ok(codes.length >= 60, `only ${codes.length} actions: the label table is broken`);
  const unnamedCodes = codes.filter((a) => auditActionLabel(a, 'zh') === '其他操作' || auditActionLabel(a, 'en') === 'Other action');
  assert.deepEqual(unnamedCodes, []);
  // The names the type check allowed above read as themselves; the ones it refused read as "other action".
  assert.equal(auditActionLabel(named.action satisfies AuditAction, 'zh'), '异议：作出决定');
  assert.equal(auditActionLabel(unnamed.action, 'en'), 'Other action');
  assert.equal(auditActionLabel(fromAnyString.action, 'en'), 'Other action');
});
