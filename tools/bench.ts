import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE, openCore } from '../electron/core';
import { platformFileOf } from '../electron/db/database';
import { chinaDate } from '../shared/calendar/dates';
import { buildDatabase } from './bench/buildDatabase';
import { benchLookups } from './bench/lookupBench';
import { round } from './bench/stats';
import { BENCH_UNLOCK } from './bench/unlock';

// `npm run bench -- [--subjects N] [--json]`: figures for DESIGN.md §8, each next to a bare-SQLite
// baseline measured in the same run on the same file. Not a test: it prints, it never fails on time.
// `--city` measures instead the whole sync path of a city of N subjects (bench/cityBench.ts);
// `--keep DIR` keeps its bundle and office in DIR, and a later run with the same DIR resumes at the import.
// `--hall N` runs instead N office windows against one office host (bench/hallBench.ts): 10 minutes,
// or 1 with `--quick`, or `--seconds S`; its office has 100,000 subjects unless --subjects says.
// `--pace J` paces each window to J journeys a minute (a real clerk: one every few minutes).
const { values } = parseArgs({
  options: {
    subjects: { type: 'string' }, json: { type: 'boolean', default: false }, city: { type: 'boolean', default: false }, keep: { type: 'string' },
    hall: { type: 'string' }, quick: { type: 'boolean', default: false }, seconds: { type: 'string' }, pace: { type: 'string' },
  },
  strict: true,
});
const subjects = Number(values.subjects ?? (values.hall !== undefined ? '100000' : '1000000'));
if (!Number.isInteger(subjects) || subjects < 1000) {
  console.error('--subjects must be a whole number of at least 1000');
  process.exit(2);
}
if (values.keep !== undefined && !values.city) {
  console.error('--keep belongs to --city: it keeps a city run for a later one to resume');
  process.exit(2);
}
process.env.CREDITDESK_QUIET = '1';
const figures: Record<string, number | string> = { subjects, node: process.version, cpus: (await import('node:os')).cpus().length };
const log = (line: string) => !values.json && console.log(line);
function print(): void {
  if (values.json) console.log(JSON.stringify(figures));
  else {
    console.log('\nCreditDesk benchmark');
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(28)} ${v}`);
  }
}
if (values.hall !== undefined) {
  const windows = Number(values.hall);
  const seconds = Number(values.seconds ?? (values.quick ? 60 : 600));
  const pace = Number(values.pace ?? 0);
  if (!Number.isInteger(windows) || windows < 1 || windows > 999 || !Number.isFinite(seconds) || seconds < 5 || !(pace >= 0)) {
    console.error('--hall takes a number of windows from 1 to 999, --seconds at least 5, --pace journeys a minute per window (0: back to back)');
    process.exit(2);
  }
  const { benchHall } = await import('./bench/hallBench');
  // The baseline (window 1 alone) runs a quarter as long as the hall, at most a minute.
  Object.assign(figures, await benchHall({ windows, subjects, durationMs: seconds * 1000, baselineMs: Math.min(60, seconds / 4) * 1000, pace, log }));
  print();
  process.exit(0);
}
if (values.city) {
  const { benchCity } = await import('./bench/cityBench');
  Object.assign(figures, await benchCity(subjects, log, values.keep));
  print();
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-'));
try {
  const t0 = performance.now();
  const core = await openCore({ dataDir: dir, unlock: BENCH_UNLOCK });
  figures.coreOpenEmptyMs = round(performance.now() - t0, 1);
  const today = chinaDate(new Date());
  const tBuild = performance.now();
  const { sample, records } = await buildDatabase(core, subjects, today, (n) => {
    if (n % 100_000 === 0) log(`  built ${n.toLocaleString()} subjects…`);
  });
  const buildSec = (performance.now() - tBuild) / 1000;
  figures.records = records;
  figures.buildRowsPerSec = Math.round((subjects + records) / buildSec);
  await core.ctx.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const officeFile = join(dir, DATABASE_FILE);
  figures.dbMiBPerMillionSubjects = round(((statSync(officeFile).size + statSync(platformFileOf(officeFile)).size) / 2 ** 20) * (1_000_000 / subjects), 1);

  Object.assign(figures, await benchLookups(core.ctx, officeFile, sample));

  // Figures that later features add: each module is optional so the harness runs at every stage.
  for (const [file, fn] of [['reportBench', 'benchReports'], ['entityReportBench', 'benchEntityReports'], ['queueBench', 'benchQueues'], ['dashboardBench', 'benchDashboard'], ['syncBench', 'benchSync'], ['cipherBench', 'benchCipher'], ['consoleBench', 'benchConsole'], ['largeSubjectBench', 'benchLargeSubject'], ['entityLookupBench', 'benchEntityLookups']] as const) {
    const path = join(import.meta.dirname, 'bench', `${file}.ts`);
    if (!existsSync(path)) continue;
    const mod = (await import(path)) as Record<string, (ctx: typeof core.ctx) => Promise<Record<string, number>>>;
    if (typeof mod[fn] === 'function') Object.assign(figures, await mod[fn]!(core.ctx));
  }

  const t1 = performance.now();
  await core.close();
  const reopened = await openCore({ dataDir: dir, unlock: BENCH_UNLOCK });
  figures.coreOpenFullMs = round(performance.now() - t1, 1);
  await reopened.close();

  print();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
