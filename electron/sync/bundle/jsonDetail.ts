import { detail } from '../../../shared/i18n/refusalDetails';
import type { Params } from '../../../shared/i18n/sentences';
import { JsonLimitError } from './jsonLimits';

/** A JSON reader's failure as a refusal detail (the offset of a syntax error, the key repeated). */
export function jsonDetail(e: unknown): Params {
  if (!(e instanceof JsonLimitError)) return detail('json_syntax');
  if (e.problem === 'duplicate-key') return detail('json_duplicate_key', { key: e.key ?? '' });
  if (e.problem === 'too-deep') return detail('json_too_deep');
  if (e.problem === 'too-long') return detail('json_too_long');
  if (e.utf8) return detail('json_utf8');
  return e.offset === undefined ? detail('json_syntax') : detail('json_syntax', { offset: e.offset });
}
