import type { RecordRow, SubjectBundle } from '../../shared/domain/population';
import { writeSubjectBundles } from '../../electron/store/populationStore';
import type { TestCore } from './core';

/** A person with hand-written records, for tests that need exact dates rather than a population. */
export function person(centralId: string, idNumber: string, name: string, records: Partial<RecordRow>[] = []): SubjectBundle {
  return {
    subject: { kind: 'person', idNumber, name, gender: Number(idNumber[16]) % 2 ? 'M' : 'F', birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`, legalRepresentative: null, regionCode: idNumber.slice(0, 6), centralId, version: 1 },
    records: records.map((r, i) => ({
      subjectCentralId: centralId,
      centralId: `${centralId}-R${i}`,
      category: 'admin_penalty',
      domain: 'market',
      severity: 'ordinary',
      title: `处罚记录${i}`,
      content: '未按规定公示信息，给予警告',
      providerUnit: '淄博市市场监督管理局',
      documentNo: `淄市监罚〔2026〕${100 + i}号`,
      occurredOn: '2026-01-05',
      decidedOn: '2026-02-01',
      publicityStart: '2026-02-01',
      publicityEnd: '2027-02-01',
      status: 'active',
      version: 1,
      ...r,
    })),
    listEntries: [],
  };
}

export async function seed(core: TestCore, bundles: SubjectBundle[]): Promise<void> {
  await core.ctx.db.transaction((tx) => writeSubjectBundles(tx, bundles), { platform: true });
}
