import { readFileSync } from 'node:fs';
import type { Core } from '../../electron/core';
import { promptHidden } from '../../electron/host/passphrase';
import { calendarStatus } from '../../electron/services/office/calendarEntryService';
import { calendarSourceRuns, type CalendarSourceRun } from '../../shared/calendar/calendarSources';
import { chinaDateTime } from '../../shared/calendar/dates';
import { parseArrangementNotice } from '../../shared/calendar/parseArrangementNotice';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { ApiErrorBody, ApiResult } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/errorMessages';
import { CliUsageError, type CliCommand } from './command';
import { parseCommandArgs, withCommandCore } from './dataDirArg';

// Issue 27: the office calendar for IT staff and scripts, through the same contract as the
// calendar screen. `show` only reads, so it needs nobody. `propose` and `confirm` are done by a
// person: --user NAME signs in with that account's password (--password-file, or typed at a
// terminal), because the rule is "an administrator enters, a second person confirms" and the audit
// log names who did each: a name merely typed would let one person be both. A refusal prints
// "CODE: sentence" in English and in Chinese and exits 1; bad arguments exit 2.

type Values = Record<string, string | boolean | undefined>;

const PERSON_OPTIONS = { user: { type: 'string' }, 'password-file': { type: 'string' } } as const;

function refused(body: ApiErrorBody): number {
  console.error(`${body.code}: ${errorMessage(body, 'en')}\n${errorMessage(body, 'zh')}`);
  return 1;
}

/** The account's password: the first line of --password-file, or typed at a terminal, never echoed. */
async function passwordFor(username: string, values: Values): Promise<string> {
  const file = values['password-file'];
  if (typeof file === 'string') {
    try {
      return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
    } catch (err) {
      throw new CliUsageError(`The password file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
  }
  if (!process.stdin.isTTY) throw new CliUsageError(`--password-file FILE is required when not run at a terminal: ${username} signs in with their own password.`);
  return promptHidden(process.stdin, `Password of ${username}: `, (s) => process.stderr.write(s));
}

/**
 * A command done by a person: `prepare` checks the arguments before anyone signs in (returning an
 * exit code to stop there), then the office is opened, --user signs in, and `act` calls the
 * contract as that person, exactly as the screen's client does; signed out after. A refused
 * sign-in (wrong password, locked account) exits 1.
 */
async function asPerson<T>(
  args: string[],
  options: Record<string, { type: 'string' }>,
  prepare: (values: Values) => { exit: number } | { ready: T },
  act: (call: ContractCall, ready: T) => Promise<number>,
): Promise<number> {
  const { dataDir, values, passphraseFile } = parseCommandArgs(args, { ...PERSON_OPTIONS, ...options });
  const username = typeof values.user === 'string' ? values.user.trim() : '';
  if (username === '') throw new CliUsageError('--user NAME is required: the account of the person doing this, who signs in with their password.');
  const prepared = prepare(values);
  if ('exit' in prepared) return prepared.exit;
  const password = await passwordFor(username, values);
  return withCommandCore(dataDir, passphraseFile, async (core) => {
    const login = await core.dispatch('auth.login', { username, password }, {});
    if (!login.ok) return refused(login.error);
    const { token } = login.value as OutputOf<'auth.login'>;
    try {
      return await act(callerOf(core, token), prepared.ready);
    } finally {
      await core.dispatch('auth.logout', {}, { token });
    }
  });
}

type ContractCall = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<ApiResult<OutputOf<M>>>;

function callerOf(core: Core, token: string): ContractCall {
  return async (method, input) => (await core.dispatch(method, input, { token })) as ApiResult<OutputOf<typeof method>>;
}

/** The notice text: a file, or `-` for standard input. */
function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliUsageError(`The text file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

function sourceText(r: CalendarSourceRun): string {
  if (r.kind === 'builtin') return 'built in (chinese-days)';
  if (r.kind === 'bundle') return r.ref ? `platform bundle ${r.ref}` : 'platform bundle';
  if (r.kind === 'manual') return `entered by hand (entry ${r.ref}, confirmed)`;
  return `other source: ${r.ref}`;
}

const years = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

export const calendarShow: CliCommand = {
  words: ['calendar', 'show'],
  usage: 'calendar show --data-dir DIR',
  summary: 'the years the office calendar holds and where from, the years missing, entries waiting for confirmation',
  onConsole: { en: 'the Holiday calendar screen', zh: '“节假日安排”页面' },
  async run(args) {
    const { dataDir, passphraseFile } = parseCommandArgs(args, {});
    return withCommandCore(dataDir, passphraseFile, async (core) => {
      const s = await calendarStatus(core.ctx, null);
      const lines = [`office calendar: ${years(s.coverage.fromYear, s.coverage.toYear)}`];
      for (const r of calendarSourceRuns(s.years)) lines.push(`  ${years(r.fromYear, r.toYear).padEnd(10)} ${sourceText(r)}`);
      for (const y of s.missingYears) lines.push(`missing: ${y} (deadlines in it are counted provisionally on weekends and statutory holidays)`);
      if (s.pending.length === 0) lines.push('no entry is waiting for confirmation');
      for (const e of s.pending) {
        const holidays = e.days.filter((d) => d.kind === 'holiday').map((d) => d.date);
        const workdays = e.days.filter((d) => d.kind === 'workday').map((d) => d.date);
        lines.push(
          `waiting for confirmation: entry ${e.id}, ${e.year}, ${e.notice}, entered by ${e.proposer} at ${chinaDateTime(e.proposedAt)} (China time)`,
          `  weekday holidays (${holidays.length}): ${holidays.join(' ')}`,
          `  make-up working days (${workdays.length}): ${workdays.join(' ') || '—'}`,
          `  confirm with: calendar confirm --id ${e.id} --user NAME --data-dir DIR (another administrator or a manager)`,
        );
      }
      console.log(lines.join('\n'));
      return 0;
    });
  },
};

export const calendarPropose: CliCommand = {
  words: ['calendar', 'propose'],
  usage: 'calendar propose --year YEAR --notice NO --text-file FILE|- --user NAME [--password-file FILE] --data-dir DIR',
  summary: "enter a year's holiday arrangement from the State Council's notice (or one date per line); counts once a second person confirms",
  onConsole: { en: 'the Holiday calendar screen', zh: '“节假日安排”页面' },
  async run(args) {
    return asPerson<InputOf<'calendar.propose'>>(
      args,
      { year: { type: 'string' }, notice: { type: 'string' }, 'text-file': { type: 'string' } },
      // The text is read and checked before anyone signs in: one that cannot be read needs no password.
      (values) => {
        if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year)) throw new CliUsageError('--year YEAR is required, e.g. --year 2027.');
        if (typeof values.notice !== 'string' || values.notice.trim() === '') throw new CliUsageError('--notice NO is required: the notice\'s number, e.g. "国办发明电〔2026〕9号".');
        if (typeof values['text-file'] !== 'string') throw new CliUsageError('--text-file FILE is required: the notice as published, or one date per line ("2027-01-01 元旦"); - reads standard input.');
        const year = Number(values.year);
        const parsed = parseArrangementNotice(readText(values['text-file']), year);
        if (parsed.problems.length > 0) {
          console.error(`The notice text cannot be read (${parsed.problems.length} problem(s)); nothing was entered.`);
          for (const p of parsed.problems) console.error(`  ${p.en}\n  ${p.zh}`);
          return { exit: 1 };
        }
        return { ready: { year, notice: values.notice.trim(), holidays: parsed.holidays.map((d) => d.date), workdays: parsed.workdays.map((d) => d.date) } };
      },
      async (call, proposal) => {
        const r = await call('calendar.propose', proposal);
        if (!r.ok) return refused(r.error);
        console.log(
          `entry ${r.value.id}: the ${proposal.year} arrangement (${proposal.holidays.length} days off, ${proposal.workdays.length} make-up working days) waits for another administrator or a manager: calendar confirm --id ${r.value.id}`,
        );
        return 0;
      },
    );
  },
};

export const calendarConfirm: CliCommand = {
  words: ['calendar', 'confirm'],
  usage: 'calendar confirm --id N --user NAME [--password-file FILE] --data-dir DIR',
  summary: 'confirm an entered arrangement, as a second administrator or a manager (not the one who entered it)',
  onConsole: { en: 'the Holiday calendar screen', zh: '“节假日安排”页面' },
  async run(args) {
    return asPerson<number>(
      args,
      { id: { type: 'string' } },
      (values) => {
        const id = Number(values.id);
        if (typeof values.id !== 'string' || !Number.isSafeInteger(id) || id < 1) throw new CliUsageError('--id N is required: the entry number `calendar show` lists.');
        return { ready: id };
      },
      async (call, id) => {
        const r = await call('calendar.confirm', { id });
        if (!r.ok) return refused(r.error);
        console.log(`entry ${id} confirmed: the office calendar now covers ${years(r.value.coverage.fromYear, r.value.coverage.toYear)}; the deadlines of open cases were recounted`);
        return 0;
      },
    );
  },
};
