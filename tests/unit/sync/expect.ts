import assert from 'node:assert/strict';
import { BundleError } from '../../../electron/sync/bundle/index';
import type { BundleErrorCode } from '../../../electron/sync/bundle/index';
import { observedError } from '../../support/errorCoverage';

/** Asserts a refusal with exactly this code and a non-empty sentence in both languages. */
export function refuses(fn: () => unknown, code: BundleErrorCode): BundleError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof BundleError, `expected BundleError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  observedError(caught.code);
  assert.ok(caught.message.length > 10 && caught.messageZh.length > 5);
  return caught;
}
