import { pngScan } from '../../support/images';
import { idCheckChar } from '../../../electron/seed/idNumbers';
import { writeSubjectBundles } from '../../../electron/store/populationStore';
import type { RecordRow, SubjectBundle } from '../../../shared/domain/population';
import type { RecordCategory } from '../../../shared/domain/record';
import { openTestCore, type TestCore } from '../../support/core';

// A small world for report tests: a real core at 2026-11-21 10:00 China time, a clerk, and
// subjects built record by record so each test states exactly what it relies on.

export const NOW = '2026-11-21T02:00:00Z'; // 10:00 in Beijing
export const TODAY = '2026-11-21';

export function idNumber(serial: number, birth = '19850312'): string {
  const first17 = `110105${birth}${String(serial).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

let recordSerial = 0;
export function record(subjectCentralId: string, over: Partial<RecordRow> & { category?: RecordCategory } = {}): RecordRow {
  recordSerial += 1;
  return {
    subjectCentralId,
    centralId: `R-${subjectCentralId}-${recordSerial}`,
    category: 'admin_licence',
    domain: 'market',
    severity: null,
    title: `记录标题 ${recordSerial}`,
    content: '依据有关规定作出的决定，内容如下。',
    providerUnit: '北京市朝阳区市场监督管理局',
    documentNo: `京朝市监字〔2026〕${recordSerial}号`,
    occurredOn: '2026-01-05',
    decidedOn: '2026-01-10',
    publicityStart: '2026-01-10',
    publicityEnd: null,
    status: 'active',
    version: 1,
    ...over,
  };
}

export function person(serial: number, name: string, records: (centralId: string) => RecordRow[] = () => []): SubjectBundle {
  const centralId = `S-${serial}`;
  return {
    subject: { kind: 'person', idNumber: idNumber(serial), name, gender: 'M', birthDate: '1985-03-12', legalRepresentative: null, regionCode: '110105', centralId, version: 1 },
    records: records(centralId),
    listEntries: [],
  };
}

export interface World {
  core: TestCore;
  clerk: string;
  seed(...bundles: SubjectBundle[]): Promise<void>;
  lookupSelf(b: SubjectBundle, purposeCode?: string): Promise<number>;
  /** Moving the clock a day ends sessions: log the clerk in afresh. */
  relogin(): Promise<void>;
  /** A scanned letter (a tiny PNG) uploaded by the clerk. */
  letter(): Promise<string>;
}

const PNG = pngScan();

export async function openWorld(): Promise<World> {
  const core = await openTestCore({ now: NOW });
  const clerk = (await core.loginAs('clerk')).token;
  const world: World = {
    core,
    clerk,
    async relogin() {
      world.clerk = (await core.loginAs('clerk')).token;
    },
    seed: (...bundles) => core.ctx.db.transaction((tx) => writeSubjectBundles(tx, bundles), { platform: true }),
    async lookupSelf(b, purposeCode = 'self_check') {
      const r = await core.ok('counter.lookup', { idNumber: b.subject.idNumber, name: b.subject.name, applicant: { kind: 'self' }, purposeCode }, world.clerk);
      return r.visitId;
    },
    async letter() {
      return (await core.ok('attachment.upload', { fileName: 'letter.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }, world.clerk)).sha256;
    },
  };
  return world;
}
