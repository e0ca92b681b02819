// Run by entityReport.spec.ts while its console is stopped (`node --import tsx`): one company with a
// penalty in the last three years, written straight into the demo office as an import would write
// it (the demo office holds no entities yet), and the applied update that gives its data date.
import { openCore } from '../../../electron/core';
import { DEMO_PASSPHRASE } from '../../../electron/keys/officeKeyFile';
import { writeSubjectBundles } from '../../../electron/store/populationStore';
import { insertBundleIn } from '../../../electron/store/syncStore';
import { addCalendarDays, chinaDate } from '../../../shared/calendar/dates';
import { entity, entityRecord, REGISTRATION } from '../../support/entityWorld';

const [dataDir, now, serial, name, legalRepIdNumber] = process.argv.slice(2);
const today = chinaDate(new Date(now!));
const core = await openCore({ dataDir: dataDir!, now: () => new Date(now!), unlock: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE }, repeatMaintenance: false });
try {
  await core.startupJobs;
  const decided = addCalendarDays(today, -200);
  const bundle = entity(Number(serial), name!, (id) => [entityRecord(id, { title: '未按规定公示年度报告', decidedOn: decided, publicityStart: decided, publicityEnd: addCalendarDays(today, 100) })]);
  bundle.subject.registration = { ...REGISTRATION, legalRepIdNumber: legalRepIdNumber! };
  await core.ctx.db.transaction(async (tx) => {
    await writeSubjectBundles(tx, [bundle]);
    await insertBundleIn(tx, {
      at: new Date(now!).toISOString(), file_name: 'e2e-update.cdb', bundle_hash: 'e'.repeat(64), sender: 'PLATFORM', channel: 'update', purpose: 'update', sequence: 1,
      created_at: new Date(new Date(now!).getTime() - 86_400_000).toISOString(), expires_at: null, result: 'applied', counts: '{}', refused_code: null, refused_reason: null, refused_reason_zh: null, refused_params: null,
    });
  });
} finally {
  await core.close();
}
