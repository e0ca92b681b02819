import { randomInt } from 'node:crypto';
import type { Role } from '../../shared/domain/account';
import type { MeasureRow, SubjectBundle } from '../../shared/domain/population';
import { chinaDate } from '../../shared/calendar/dates';
import measures from '../../resources/catalog/measures.json' with { type: 'json' };
import type { Core } from '../core';
import { generatePopulation } from '../seed/population';
import { countAccounts } from '../store/accountStore';
import { upsertMeasures, writeSubjectBundles } from '../store/populationStore';
import { setSetting } from '../store/settingsStore';
import { createAccount } from '../services/access/accountsService';
import { seedDemoActivity } from './demoActivity';
import { DEMO_ENTITIES, demoEntities } from './demoEntities';

export const DEMO_SUBJECTS = 10_000;
export const DEMO_SEED = 'creditdesk-demo';
export const DEMO_OFFICE = { code: '370303-01', name: '淄博市张店区公共信用服务窗口（演示）' };
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'clerk', displayName: '王窗口', role: 'clerk' },
  { username: 'manager', displayName: '李科长', role: 'manager' },
  { username: 'operator', displayName: '赵运维', role: 'operator' },
  { username: 'auditor', displayName: '周审查', role: 'auditor' },
  { username: 'admin', displayName: '陈管理', role: 'admin' },
];
const BATCH = 500;

/** Readable but unguessable: the demo still guards its data like a real office. */
function demoPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const word = Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('');
  return `${word}-${randomInt(1000, 10000)}`;
}

/**
 * Fills an empty data directory with the demo office: a deterministic population and one account
 * per role. The passwords exist only in this process's output, printed once.
 */
export async function ensureDemoOffice(core: Core, print: (line: string) => void): Promise<void> {
  const { ctx } = core;
  if ((await countAccounts(ctx.db)) > 0) {
    print('Demo office already set up in this data directory; its passwords were printed when it was created.');
    return;
  }
  const today = chinaDate(ctx.now());
  await ctx.db.transaction(async (tx) => {
    await setSetting(tx, 'office_code', DEMO_OFFICE.code);
    await setSetting(tx, 'office_name', DEMO_OFFICE.name);
    await setSetting(tx, 'demo', '1');
    await upsertMeasures(tx, measures as MeasureRow[]);
    let batch: SubjectBundle[] = [];
    for (const bundle of generatePopulation({ subjects: DEMO_SUBJECTS, seed: DEMO_SEED, today, centralIdPrefix: 'DEMO-' })) {
      batch.push(bundle);
      if (batch.length === BATCH) {
        await writeSubjectBundles(tx, batch);
        batch = [];
      }
    }
    await writeSubjectBundles(tx, batch);
    await writeSubjectBundles(tx, demoEntities(today, 'DEMO-'));
  }, { platform: true });
  ctx.office.code = DEMO_OFFICE.code;
  ctx.office.name = DEMO_OFFICE.name;
  ctx.demo = true;
  print(`Demo office ${DEMO_OFFICE.code} created with ${DEMO_SUBJECTS} people and ${DEMO_ENTITIES.length} legal entities. Accounts (shown once):`);
  for (const a of DEMO_ACCOUNTS) {
    const password = demoPassword();
    await createAccount(ctx, null, { ...a, password });
    print(`  demo account  ${a.role.padEnd(8)} ${a.username.padEnd(8)} ${password}`);
  }
  const done = await seedDemoActivity(ctx, today);
  print(`Demo activity: ${done.visits} visits, ${done.reports} reports, ${done.objections} objections and ${done.repairs} repair applications over the last 30 days.`);
}
