import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../../electron/core';
import { CliUsageError } from './command';

/** Parses `--data-dir DIR` plus the command's own options; an existing office is required unless `create`. */
export function parseCommandArgs<T extends Record<string, { type: 'string' | 'boolean' }>>(
  args: string[],
  options: T,
  opts: { create?: boolean; positionals?: number } = {},
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { 'data-dir': { type: 'string' }, ...options }, strict: true, allowPositionals: (opts.positionals ?? 0) > 0 });
  } catch (err) {
    throw new CliUsageError((err as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const dir = values['data-dir'];
  if (typeof dir !== 'string' || dir.trim() === '') throw new CliUsageError('--data-dir DIR is required: the office data directory.');
  const dataDir = resolve(dir);
  if (!opts.create && !existsSync(join(dataDir, DATABASE_FILE))) {
    throw new CliUsageError(`There is no CreditDesk database in ${dataDir}. Check --data-dir.`);
  }
  if (parsed.positionals.length !== (opts.positionals ?? 0)) {
    throw new CliUsageError(`Expected ${opts.positionals ?? 0} argument(s), got ${parsed.positionals.length}.`);
  }
  return { dataDir, values, positionals: parsed.positionals };
}
