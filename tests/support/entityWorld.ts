import type { ListEntryRow, RecordRow, SubjectBundle } from '../../shared/domain/population';
import type { EntityRegistration } from '../../shared/domain/subject';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../../shared/validators/creditCode';
import { insertVisit } from '../../electron/store/queryLogStore';
import { insertBundleIn } from '../../electron/store/syncStore';
import { upsertMeasures, writeSubjectBundles } from '../../electron/store/populationStore';
import type { TestCore } from './core';

// Entities for the entity report tests (issue 24), written straight into the stores: the lookup and
// its authorization are another part's (C1), so a test opens the entity's visit itself.

/** A valid unified social credit code: market regulation, enterprise, Zibo, organisation code from `serial`. */
export function creditCode(serial: number, region = '370303'): string {
  const org8 = `MA${String(serial).padStart(6, '0')}`;
  const first17 = `91${region}${org8}${organizationCodeCheckChar(org8)}`;
  return first17 + creditCodeCheckChar(first17);
}

export const REGISTRATION: EntityRegistration = {
  registrationNo: '370303200012345',
  entityType: 'enterprise',
  establishedOn: '2012-05-08',
  registeredCapital: '500万元人民币',
  address: '山东省淄博市张店区人民西路 88 号',
  businessScope: '建筑工程施工；市政设施管理',
  registrationAuthority: '淄博市张店区市场监督管理局',
  operatingStatus: 'subsisting',
  legalRepIdNumber: null,
};

export function entity(serial: number, name: string, records: (centralId: string) => RecordRow[] = () => [], lists: (centralId: string) => ListEntryRow[] = () => []): SubjectBundle {
  const centralId = `E-${serial}`;
  const code = creditCode(serial);
  return {
    subject: { kind: 'entity', idNumber: code, name, gender: null, birthDate: null, legalRepresentative: '王建国', regionCode: '370303', centralId, version: 1, registration: REGISTRATION },
    records: records(centralId),
    listEntries: lists(centralId),
  };
}

let serial = 0;
export function entityRecord(subjectCentralId: string, over: Partial<RecordRow> = {}): RecordRow {
  serial += 1;
  return {
    subjectCentralId,
    centralId: `ER-${subjectCentralId}-${serial}`,
    category: 'admin_penalty',
    domain: 'market',
    severity: 'ordinary',
    penaltyKind: 'fine',
    title: `记录 ${serial}`,
    content: '依据有关规定作出的决定。',
    providerUnit: '淄博市市场监督管理局',
    documentNo: `淄市监罚〔2026〕${serial}号`,
    occurredOn: '2026-05-01',
    decidedOn: '2026-05-10',
    publicityStart: '2026-05-10',
    publicityEnd: '2027-05-09',
    status: 'active',
    version: 1,
    ...over,
  };
}

export function entityList(subjectCentralId: string, over: Partial<ListEntryRow> = {}): ListEntryRow {
  serial += 1;
  return {
    subjectCentralId,
    centralId: `EL-${subjectCentralId}-${serial}`,
    recordCentralId: null,
    listType: 'abnormal_operation',
    listName: `名单 ${serial}`,
    reason: '未按规定报送年度报告',
    basis: '《企业经营异常名录管理暂行办法》第四条',
    decidingUnit: '淄博市市场监督管理局',
    enteredOn: '2026-03-01',
    exitOn: null,
    status: 'active',
    measureCodes: [],
    ...over,
  };
}

/** The one measure the entities' lists name (PUN_BIDDING), then the entities. */
export async function seedEntities(core: TestCore, ...bundles: SubjectBundle[]): Promise<void> {
  await core.ctx.db.transaction(async (tx) => {
    await upsertMeasures(tx, [{ code: 'PUN_BIDDING', kind: 'punishment', mandatory: true, title: '限制参与招标投标', basis: '《招标投标法实施条例》第六十七条' }]);
    await writeSubjectBundles(tx, bundles);
  }, { platform: true });
}

/** The visit of an entity's legal representative asking for one of its reports, as the counter's lookup would open it (a person's visit for a person). */
export async function entityVisit(core: TestCore, clerkId: number, b: SubjectBundle, reportKind: 'full' | 'special' = 'full', purposeCode = 'public_procurement'): Promise<number> {
  const subject = await core.ctx.db.get<{ id: number }>('SELECT id FROM subject WHERE id_number = ?', [b.subject.idNumber]);
  return core.ctx.db.transaction((tx) =>
    insertVisit(tx, {
      startedAt: core.clock.now.toISOString(), clerkId, idNumber: b.subject.idNumber, name: b.subject.name, subjectId: subject?.id ?? null,
      applicantKind: 'self', purposeCode, purposeText: null, identity: { source: 'typed', readerSamId: null, reason: null, note: null },
      ...(b.subject.kind === 'entity' ? { entity: { foundBy: 'credit_code' as const, clerkConfirmed: null, reportKind } } : {}),
    }),
  );
}

/** The history row of an applied platform update made at `createdAt`: the office's data date. */
export async function appliedUpdate(core: TestCore, createdAt: string, sequence = 1): Promise<void> {
  await core.ctx.db.transaction((tx) =>
    insertBundleIn(tx, {
      at: core.clock.now.toISOString(), file_name: `update-${sequence}.cdb`, bundle_hash: 'a'.repeat(63) + String(sequence % 10), sender: 'PLATFORM', channel: 'update', purpose: 'update', sequence,
      created_at: createdAt, expires_at: null, result: 'applied', counts: '{}', refused_code: null, refused_reason: null, refused_reason_zh: null, refused_params: null,
    }),
  );
}
