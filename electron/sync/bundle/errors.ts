// A bundle refusal as the format's code throws it; its sentences are in the one catalogue
// (shared/i18n/bundleRefusals.ts).
import { BUNDLE_MESSAGES } from '../../../shared/i18n/bundleRefusals';
import type { Params } from '../../../shared/i18n/sentences';

export type BundleErrorCode = keyof typeof BUNDLE_MESSAGES;

export class BundleError extends Error {
  readonly code: BundleErrorCode;
  readonly params: Params;
  readonly messageZh: string;
  /** Already-imported is reported as a refusal but is not a failure: nothing needs to change. */
  readonly benign: boolean;

  constructor(code: BundleErrorCode, params: Params = {}) {
    const msg = BUNDLE_MESSAGES[code];
    super(msg.en(params));
    this.name = 'BundleError';
    this.code = code;
    this.params = params;
    this.messageZh = msg.zh(params);
    this.benign = code === 'BUNDLE_ALREADY_IMPORTED';
  }
}

export function fail(code: BundleErrorCode, params: Params = {}): never {
  throw new BundleError(code, params);
}
