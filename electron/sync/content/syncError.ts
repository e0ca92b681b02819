// A refusal of the office's sync as the core throws it; its sentences are in the one catalogue
// (shared/i18n/syncRefusals.ts, beside the format's in bundleRefusals.ts).
import { BundleError } from '../bundle/index';
import type { Params } from '../../../shared/i18n/sentences';
import { SYNC_MESSAGES } from '../../../shared/i18n/syncRefusals';

export type SyncErrorCode = keyof typeof SYNC_MESSAGES;

export class SyncError extends Error {
  readonly messageZh: string;
  constructor(readonly code: SyncErrorCode, readonly params: Params = {}) {
    super(SYNC_MESSAGES[code].en(params));
    this.name = 'SyncError';
    this.messageZh = SYNC_MESSAGES[code].zh(params);
  }
}

export function syncFail(code: SyncErrorCode, params: Params = {}): never {
  throw new SyncError(code, params);
}

/** A refusal as every caller shows it: code and parameters, both sentences, and whether it is benign. */
export interface Refusal { code: string; params: Params; en: string; zh: string; benign: boolean }

export function refusalOf(e: unknown): Refusal | null {
  if (e instanceof BundleError) return { code: e.code, params: e.params, en: e.message, zh: e.messageZh, benign: e.benign };
  if (e instanceof SyncError) return { code: e.code, params: e.params, en: e.message, zh: e.messageZh, benign: false };
  return null;
}
