// Run by largeSubject.spec.ts while its console is stopped (`node --import tsx`): one person with
// a file far larger than a page, written straight into the demo office as an import would write it.
import { openCore } from '../../../electron/core';
import { DEMO_PASSPHRASE } from '../../../electron/keys/officeKeyFile';
import { upsertSubjects } from '../../../electron/store/populationStore';
import { seedListEntries, seedRecords, variedListEntry, variedRecord } from '../../support/manyRecords';

const [dataDir, now, idNumber, name, records, lists] = process.argv.slice(2);
const today = new Date(now!).toISOString().slice(0, 10);
const core = await openCore({ dataDir: dataDir!, now: () => new Date(now!), unlock: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE }, repeatMaintenance: false });
try {
  await core.startupJobs;
  const centralId = 'E2E-LARGE-1';
  await core.ctx.db.transaction((tx) =>
    upsertSubjects(tx, [{ kind: 'person', idNumber: idNumber!, name: name!, gender: 'F', birthDate: `${idNumber!.slice(6, 10)}-${idNumber!.slice(10, 12)}-${idNumber!.slice(12, 14)}`, legalRepresentative: null, regionCode: idNumber!.slice(0, 6), centralId, version: 1 }]),
    { platform: true },
  );
  await seedRecords(core.ctx.db, Array.from({ length: Number(records) }, (_, i) => variedRecord(centralId, i, today)));
  await seedListEntries(core.ctx.db, Array.from({ length: Number(lists) }, (_, i) => variedListEntry(centralId, i, today)));
} finally {
  await core.close();
}
