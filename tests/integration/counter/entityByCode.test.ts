// The counter's entity read by code (issue 24 bench): one statement gives the subject and its
// registration exactly as the two separate reads do, nothing for a person's number, and no
// registration for an entity the platform sent without one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SubjectBundle } from '../../../shared/domain/population';
import { creditCodeOf } from '../../../electron/seed/idNumbers';
import { findEntityByCode, registrationOf } from '../../../electron/store/entityStore';
import { findSubjectByIdNumber } from '../../../electron/store/subjectStore';
import { openWorld, person, type World } from '../report/world';

const WITH = creditCodeOf('91', '110105', 'MA03B8C2');
const WITHOUT = creditCodeOf('51', '110105', 'MA03B8C3');

function entity(code: string, registered: boolean): SubjectBundle {
  return {
    subject: {
      kind: 'entity', idNumber: code, name: `单位 ${code.slice(-4)}`, gender: null, birthDate: null, legalRepresentative: '李四', regionCode: '110105', centralId: `E-${code}`, version: 1,
      ...(registered ? { registration: {
        registrationNo: '110105000777777', entityType: 'enterprise', establishedOn: '2012-05-01', registeredCapital: null, address: '北京市朝阳区某路 2 号',
        businessScope: '技术服务', registrationAuthority: '北京市朝阳区市场监督管理局', operatingStatus: 'operating', legalRepIdNumber: null,
      } } : {}),
    },
    records: [],
    listEntries: [],
  } as SubjectBundle;
}

let w: World;
const someone = person(41, '赵六');
before(async () => {
  w = await openWorld();
  await w.seed(entity(WITH, true), entity(WITHOUT, false), someone);
});
after(() => w.core.dispose());

test('one read by code returns what the subject and registration reads return', async () => {
  const db = w.core.ctx.db;
  const found = await findEntityByCode(db, WITH);
  const subject = (await findSubjectByIdNumber(db, WITH))!;
  assert.deepEqual(found, { subject, registration: await registrationOf(db, subject.id) });
  assert.equal(found?.registration?.registeredCapital, null);
  const bare = await findEntityByCode(db, WITHOUT);
  assert.deepEqual(bare, { subject: await findSubjectByIdNumber(db, WITHOUT), registration: undefined });
  assert.equal(await findEntityByCode(db, someone.subject.idNumber), undefined);
  assert.equal(await findEntityByCode(db, creditCodeOf('91', '110105', 'MA09Y9Y9')), undefined);
});
