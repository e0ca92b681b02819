import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OBJECTION_OUTCOMES } from '../shared/cases/caseTypes';
import type { ObjectionOutcome } from '../shared/cases/caseTypes';
import { chinaDate } from '../shared/calendar/dates';
import { refusalOf } from '../electron/sync/content/syncError';
import { openCentral } from './central/centralStore';
import { decide, enrollOffice, generate, ingest, initPlatform, publish, status } from './central/platform';

// `npm run central -- <command> --data-dir DIR`: the reference credit platform, for the round trip
// on one machine. Exit codes as the office CLI: 0 done, 1 refused (CODE: sentence), 2 usage.
const USAGE = `Usage: npm run central -- <command> --data-dir DIR [options]
  init                                      platform keys and the trust file to hand to offices
  enroll REQUEST                            register an office from its enrollment request file
  generate --subjects N --seed S [--today YYYY-MM-DD]   add a deterministic population: N persons, 1 entity per 8 (streams; repeat to append)
  publish --office CODE [--snapshot] [--out FILE]       the next update bundle for that office
  ingest FILE                               verify and take in an office export bundle
  decide --office CODE --case CASENO --outcome O --reason TEXT [--content TEXT]   decide a forwarded objection
  status                                    offices, channels and objections awaiting a decision
Options: --now ISO-TIME sets the platform clock (tests, demonstrations).
         --verbose also writes diagnostics (slow queries) to stderr; they always go to diagnostics.log in DIR.`;

class Usage extends Error {}

async function main(argv: string[]): Promise<number> {
  const cmd = argv[0];
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(1), allowPositionals: true, strict: true,
      options: {
        'data-dir': { type: 'string' }, subjects: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' }, office: { type: 'string' },
        snapshot: { type: 'boolean' }, out: { type: 'string' }, case: { type: 'string' }, outcome: { type: 'string' }, reason: { type: 'string' },
        content: { type: 'string' }, now: { type: 'string' }, verbose: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new Usage((e as Error).message);
  }
  const v = parsed.values;
  const pos = parsed.positionals;
  if (v.verbose) process.env.CREDITDESK_VERBOSE = '1';
  if (!v['data-dir']) throw new Usage('--data-dir DIR is required: the platform data directory.');
  const dir = resolve(v['data-dir']);
  const now = v.now ? new Date(v.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Usage('--now must be an ISO time.');
  const need = (name: string, value: string | undefined): string => {
    if (!value) throw new Usage(`${name} is required.`);
    return value;
  };

  if (cmd === 'init') {
    const r = await initPlatform(dir, now);
    console.log(`platform initialised; trust file: ${r.trustPath}\nfingerprint (print it and give it to each office): ${r.fingerprint}`);
    return 0;
  }
  const c = await openCentral(dir);
  try {
    switch (cmd) {
      case 'enroll': {
        if (pos.length !== 1) throw new Usage('enroll takes the request file.');
        const o = await enrollOffice(c, readFileSync(pos[0]!), now);
        console.log(`office ${o.code} (${o.name}) enrolled`);
        return 0;
      }
      case 'generate': {
        const n = Number(need('--subjects', v.subjects));
        if (!Number.isSafeInteger(n) || n < 1) throw new Usage('--subjects must be a positive integer.');
        const r = await generate(c, { subjects: n, seed: need('--seed', v.seed), today: v.today ?? chinaDate(now) });
        console.log(`generated ${r.subjects} persons and ${r.entities} legal entities with ${r.records} records`);
        return 0;
      }
      case 'publish': {
        const r = await publish(c, need('--office', v.office), { snapshot: v.snapshot === true, now, ...(v.out ? { out: resolve(v.out) } : {}) });
        console.log(`update ${r.sequence} for ${v.office} written to ${r.path}\n${Object.entries(r.counts).filter(([, n]) => n > 0).map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
        return 0;
      }
      case 'ingest': {
        if (pos.length !== 1) throw new Usage('ingest takes the export file.');
        const r = await ingest(c, resolve(pos[0]!), now);
        console.log(`export ${r.sequence} from ${r.sender} ingested; forwarded objections: ${r.forwards}\n${Object.entries(r.counts).map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
        for (const w of r.auditWarnings) console.log(`AUDIT WARNING: ${w}`);
        return 0;
      }
      case 'decide': {
        const outcome = need('--outcome', v.outcome);
        if (!(OBJECTION_OUTCOMES as readonly string[]).includes(outcome)) throw new Usage(`--outcome must be one of ${OBJECTION_OUTCOMES.join(', ')}.`);
        const r = await decide(c, { office: need('--office', v.office), caseNo: need('--case', v.case), outcome: outcome as ObjectionOutcome, reason: need('--reason', v.reason), content: v.content, now });
        console.log(`objection ${r.caseNo} decided: ${r.outcome}; it travels in the next update for ${r.officeCode}`);
        return 0;
      }
      case 'status':
        for (const line of await status(c)) console.log(line);
        return 0;
      default:
        throw new Usage(`Unknown command "${cmd}".`);
    }
  } finally {
    await c.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof Usage) {
      console.error(`${err.message}\n${USAGE}`);
      process.exit(2);
    }
    const r = refusalOf(err);
    console.error(r ? `${r.code}: ${r.en}` : `central: ${(err as Error).message}`);
    process.exit(r?.benign ? 0 : 1);
  },
);
