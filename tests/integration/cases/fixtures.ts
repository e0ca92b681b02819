import type { RecordRow, SubjectBundle } from '../../../shared/domain/population';
import { idCheckChar } from '../../../shared/validators/idNumber';
import { writeSubjectBundles, upsertMeasures } from '../../../electron/store/populationStore';
import { setSetting } from '../../../electron/store/settingsStore';
import { openTestCore, type TestCore } from '../../support/core';

export const PROVIDER = '某市市场监督管理局';

export function idNumber(seq: number): string {
  const first17 = `110101199001${String(10 + (seq % 18)).padStart(2, '0')}${String(100 + (seq % 900)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export function penalty(subjectCentralId: string, n: number, over: Partial<RecordRow> = {}): RecordRow {
  return {
    subjectCentralId,
    centralId: `${subjectCentralId}-R${n}`,
    category: 'admin_penalty',
    domain: 'market',
    severity: 'ordinary',
    title: `行政处罚 ${n}`,
    content: `罚款 ${n}000 元`,
    providerUnit: PROVIDER,
    documentNo: `京市监罚〔2026〕${n}号`,
    occurredOn: '2026-05-01',
    decidedOn: '2026-06-01',
    publicityStart: '2026-06-05',
    publicityEnd: '2027-06-01',
    status: 'active',
    version: 1,
    ...over,
  };
}

export interface Seeded {
  idNumber: string;
  name: string;
  centralId: string;
}

/** One person with the given records (default: two ordinary penalties) and a black-list entry on record 2. */
export async function seedSubject(core: TestCore, seq = 1, records?: (centralId: string) => RecordRow[]): Promise<Seeded> {
  const centralId = `S${seq}`;
  const id = idNumber(seq);
  const bundle: SubjectBundle = {
    subject: { kind: 'person', idNumber: id, name: '张三', gender: 'M', birthDate: '1990-01-10', legalRepresentative: null, regionCode: '110101', centralId, version: 1 },
    records: records ? records(centralId) : [penalty(centralId, 1), penalty(centralId, 2)],
    listEntries: [
      {
        subjectCentralId: centralId,
        centralId: `${centralId}-L1`,
        listType: 'black',
        listName: '严重违法失信名单',
        reason: '拒不履行',
        basis: '国办发〔2020〕49号',
        decidingUnit: PROVIDER,
        recordCentralId: `${centralId}-R2`,
        enteredOn: '2026-06-10',
        exitOn: null,
        status: 'active',
        measureCodes: ['M1'],
      },
    ],
  };
  await core.ctx.db.transaction(async (tx) => {
    await upsertMeasures(tx, [{ code: 'M1', kind: 'punishment', mandatory: true, title: '限制高消费', basis: '国办发〔2020〕49号' }]);
    await writeSubjectBundles(tx, [bundle]);
  }, { platform: true });
  return { idNumber: id, name: '张三', centralId };
}

export async function recordId(core: TestCore, centralId: string): Promise<number> {
  return (await core.ctx.db.get<{ id: number }>('SELECT id FROM record WHERE central_id = ?', [centralId]))!.id;
}

export async function recordRow(core: TestCore, centralId: string): Promise<{ status: string; content: string; publicity_end: string | null }> {
  return (await core.ctx.db.get('SELECT status, content, publicity_end FROM record WHERE central_id = ?', [centralId]))!;
}

export interface CaseWorld {
  core: TestCore;
  clerk: string;
  manager: string;
  subject: Seeded;
  visit(): Promise<number>;
  /** Moves the clock and logs fresh sessions in (sessions expire across days). */
  travel(to: Date): Promise<void>;
}

/** A core at `now` with the office on `profile`, a clerk, a manager and one seeded subject. */
export async function caseWorld(now: string, profile = 'default'): Promise<CaseWorld> {
  const core = await openTestCore({ now });
  await setSetting(core.ctx.db, 'rule_profile', profile);
  const clerk = (await core.loginAs('clerk')).token;
  const manager = (await core.loginAs('manager')).token;
  const subject = await seedSubject(core);
  const world: CaseWorld = {
    core,
    clerk,
    manager,
    subject,
    async travel(to) {
      core.clock.now = to;
      world.clerk = (await core.loginAs('clerk')).token;
      world.manager = (await core.loginAs('manager')).token;
    },
    async visit() {
      const r = await core.ok('counter.lookup', { idNumber: subject.idNumber, name: subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, world.clerk);
      return r.visitId;
    },
  };
  return world;
}

/** Instant for 10:00 China time on a date. */
export const at = (date: string): Date => new Date(`${date}T10:00:00+08:00`);
