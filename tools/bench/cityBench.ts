// City-scale sync (issue 9), `npm run bench -- --city --subjects N`: the whole path a city takes,
// each step in bounded memory. The reference platform generates N subjects into its store and
// publishes a streamed snapshot; a freshly provisioned office imports it through the bundle
// worker; the counter then looks people up in the imported data. Figures: time and peak resident
// set of each step, rows per second, bundle and database sizes, and lookup and subject-view
// percentiles through the core next to a bare SQLCipher lookup on the same file in the same run.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, openCore } from '../../electron/core';
import { platformFileOf } from '../../electron/db/database';
import { importBundle, provision } from '../../electron/services/sync';
import { lookup } from '../../electron/services/counter/counterService';
import { enrollOffice, generate, initPlatform, publish } from '../central/platform';
import { openCentral } from '../central/centralStore';
import { benchClerk, measured } from './syncBench';
import { percentiles, round, timeEach } from './stats';
import { BENCH_UNLOCK } from './unlock';
import { benchLookups, openBareBaseline } from './lookupBench';

const mib = (bytes: number) => round(bytes / 2 ** 20, 1);
const OFFICE = '370306-02';

/**
 * `keep`: a directory that outlives the run. The published bundle, the provisioned office and the
 * figures of the steps already done (`figures.json`) stay there, and a later run with the same
 * directory resumes where the last one stopped: a city takes hours to generate and publish, and
 * the import is the step worth measuring again after a change (copy the directory before the
 * import to import the same bundle again). A run stopped during the import leaves the office as it
 * was (the import is all-or-nothing), so resuming simply imports again.
 */
export async function benchCity(subjects: number, log: (line: string) => void, keep?: string): Promise<Record<string, number>> {
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'creditdesk-city-'));
  mkdirSync(dir, { recursive: true });
  const saved = join(dir, 'figures.json');
  const save = () => writeFileSync(saved, JSON.stringify(figures));
  const bundle = join(dir, 'city.cdbundle');
  const figures: Record<string, number> = existsSync(saved) ? (JSON.parse(readFileSync(saved, 'utf8')) as Record<string, number>) : { citySubjects: subjects };
  if (figures.citySubjects !== subjects) throw new Error(`${dir} holds a city of ${figures.citySubjects} subjects, not ${subjects}`);
  const now = figures.cityCreatedAt ? new Date(figures.cityCreatedAt) : new Date();
  const today = now.toISOString().slice(0, 10);
  try {
    const published = figures.cityPublishMs !== undefined && existsSync(bundle);
    if (published) log(`  resuming in ${dir}: generated and published earlier (${figures.cityPublishedRows!.toLocaleString('en')} rows)`);
    else {
      rmSync(join(dir, 'central'), { recursive: true, force: true });
      rmSync(join(dir, 'office'), { recursive: true, force: true });
      figures.cityCreatedAt = now.getTime();
    }
    const init = published ? null : await initPlatform(join(dir, 'central'), now);
    const office = await openCore({ dataDir: join(dir, 'office'), now: () => now, unlock: BENCH_UNLOCK });
    try {
      if (init) {
        const provisioned = await provision(office.ctx, null, { officeCode: OFFICE, officeName: '基准窗口', trust: { kind: 'path', path: init.trustPath }, confirmFingerprint: init.fingerprint });
        const central = await openCentral(join(dir, 'central'));
        try {
          await enrollOffice(central, Buffer.from(provisioned.requestBase64, 'base64'), now);
          const made = await step(figures, log, 'Generate', () => generate(central, { subjects, seed: 'city-bench', today, batch: 5000, onProgress: progress(log, 'generate', 'subjects') }));
          figures.cityRecords = made.records;
          const out = await step(figures, log, 'Publish', () => publish(central, OFFICE, { snapshot: true, now, out: bundle, onProgress: progress(log, 'publish', 'rows') }));
          figures.cityPublishedRows = Object.values(out.counts).reduce((a, b) => a + b, 0);
          figures.cityBundleMiB = mib(statSync(bundle).size);
        } finally {
          await central.close();
        }
        rmSync(join(dir, 'central'), { recursive: true, force: true });
        save();
      }

      if (figures.cityImportMs === undefined) {
        let rowsWritten = 0;
        const importing = progress(log, 'import', 'rows');
        const done = await step(figures, log, 'Import', () => importBundle(office.ctx, null, bundle, 'city.cdbundle', { onProgress: (n) => { rowsWritten = n; importing(n); } }));
        if (done.result !== 'applied') throw new Error(`the city bundle was not applied: ${done.message.en}`);
        figures.cityImportRows = rowsWritten;
        figures.cityImportRowsPerSec = Math.round(rowsWritten / (figures.cityImportMs! / 1000));
        if (keep) save();
        else rmSync(bundle, { force: true });
      } else log(`  imported earlier (${figures.cityImportRows!.toLocaleString('en')} rows): measuring the lookups again`);

      await office.ctx.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      const officeFile = join(office.ctx.dataDir, DATABASE_FILE);
      figures.cityPlatformDbMiB = mib(statSync(platformFileOf(officeFile)).size);
      figures.cityOfficeDbMiB = mib(statSync(officeFile).size);

      // 2,000 people spread over the whole file. First the store's ID lookup and the subject view
      // (DESIGN.md §8), then each asked for once at the counter (a new visit and query-log row).
      const people = await office.ctx.db.all<{ id: number; id_number: string; name: string }>(
        `SELECT id, id_number, name FROM platform.subject WHERE kind = 'person' AND id % ? = 0 LIMIT 2000`, [Math.max(1, Math.floor(subjects / 2400))]);
      for (const [k, v] of Object.entries(await benchLookups(office.ctx, officeFile, people.map((p) => p.id_number)))) figures[`city${k[0]!.toUpperCase()}${k.slice(1)}`] = v;
      const bare = await openBareBaseline(officeFile, office.ctx.keys.db);
      try {
        const clerk = await benchClerk(office.ctx);
        const ask = (p: (typeof people)[number]) => lookup(office.ctx, clerk, { idNumber: p.id_number, name: p.name, applicant: { kind: 'self' }, purposeCode: 'self_check' });
        const bareTimes = percentiles(await timeEach(people.map((p) => p.id_number), bare.subjectAndRecords));
        const coreTimes = percentiles(await timeEach(people, ask));
        Object.assign(figures, {
          cityCounterLookups: people.length,
          cityCounterLookupP50Ms: coreTimes.p50, cityCounterLookupP99Ms: coreTimes.p99,
          cityCounterBareP50Ms: bareTimes.p50, cityCounterBareP99Ms: bareTimes.p99,
        });
      } finally {
        await bare.close();
      }
    } finally {
      await office.close();
    }
    delete figures.cityCreatedAt;
    return figures;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A line a minute while a step runs (count so far, rate, resident set), so that a run of hours
 * shows how it scales, and a run stopped early still tells how far it got.
 */
function progress(log: (line: string) => void, step: string, unit: string): (done: number) => void {
  const start = performance.now();
  let next = start + 60_000;
  return (done) => {
    const now = performance.now();
    if (now < next) return;
    next = now + 60_000;
    const s = (now - start) / 1000;
    log(`  ${step}: ${done.toLocaleString('en')} ${unit} in ${Math.round(s)} s (${Math.round(done / s).toLocaleString('en')}/s), resident set ${mib(process.memoryUsage.rss())} MiB`);
  };
}

/** Runs one step of the path: its time and the growth of this process's resident set while it ran. */
async function step<T>(figures: Record<string, number>, log: (line: string) => void, name: string, fn: () => Promise<T>): Promise<T> {
  const run = await measured(fn);
  figures[`city${name}Ms`] = run.ms;
  figures[`city${name}PeakRssGrowthMiB`] = run.peakRssGrowthMiB;
  log(`  ${name.toLowerCase()}: ${Math.round(run.ms / 1000)} s`);
  return run.out;
}
