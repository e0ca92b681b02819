import assert from 'node:assert/strict';
import { BundleError, checkEnvelope, openBundle } from '../../../electron/sync/bundle/index';
import type { OpenContext } from '../../../electron/sync/bundle/index';
import { streamContent } from '../../../electron/sync/bundle/contentStream';
import type { BundleErrorCode } from '../../../electron/sync/bundle/index';
import { observedError } from '../../support/errorCoverage';
import { assertSyncRefusalLanguage } from '../../support/refusalLanguage';
import { isDetailCode } from '../../../shared/i18n/refusalDetails';

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
  assertSyncRefusalLanguage({ code: caught.code, params: caught.params, zh: caught.messageZh, en: caught.message }, isDetailCode);
  return caught;
}

/**
 * The same refusal from both readers: openBundle (whole, in memory) and the streaming reader the
 * office's bundle worker uses (checkEnvelope, then streamContent chunk by chunk).
 */
export async function refusesEitherWay(bytes: Buffer, context: OpenContext, code: BundleErrorCode): Promise<void> {
  refuses(() => openBundle(bytes, context), code);
  let caught: unknown;
  try {
    await streamContent(checkEnvelope(bytes, context), context.supportsSchema, { onRecord: () => undefined });
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof BundleError, `streamed: expected BundleError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, `streamed: ${caught.message}`);
  assertSyncRefusalLanguage({ code: caught.code, params: caught.params, zh: caught.messageZh, en: caught.message }, isDetailCode);
}
