// Issue 24: an entity's registration basics ride on its subject's line of an update bundle, and
// the abnormal-operation list arrives like any list. A bundle from before (no registration field)
// still applies and leaves the registration as it was; an old registration without a unified code
// arrives under its registration number; a registration whose type contradicts its code is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SubjectRow } from '../../../shared/domain/population';
import type { EntityRegistration } from '../../../shared/domain/subject';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../../../shared/validators/creditCode';
import { registrationOf } from '../../../electron/store/entityStore';
import { findSubjectByIdNumber } from '../../../electron/store/subjectStore';
import { refusedUnchanged, syncWorld } from './world';

const REGISTRATION: EntityRegistration = {
  registrationNo: '110000410000011',
  entityType: 'enterprise',
  establishedOn: '2003-05-12',
  registeredCapital: '5000万元人民币',
  address: '北京市朝阳区建国路1号',
  businessScope: '软件开发；技术服务',
  registrationAuthority: '北京市朝阳区市场监督管理局',
  operatingStatus: 'subsisting',
  legalRepIdNumber: '11010519491231002X',
};

const entity = (over: Partial<SubjectRow> = {}): SubjectRow => ({
  kind: 'entity', idNumber: '91110000600037341L', name: '北京某某科技有限公司', gender: null, birthDate: null,
  legalRepresentative: '张三', regionCode: '110000', centralId: 'ENT-1', version: 1, registration: REGISTRATION, ...over,
});

const abnormal = {
  centralId: 'AO-1', subjectCentralId: 'ENT-1', recordCentralId: null, listType: 'abnormal_operation', listName: '经营异常名录',
  reason: '未按规定报送年度报告', basis: '《企业信息公示暂行条例》第八条', decidingUnit: '北京市朝阳区市场监督管理局',
  enteredOn: '2025-07-01', exitOn: null, status: 'active', measureCodes: [],
};

test('a bundle brings an entity with its registration and an abnormal-operation entry; an older line without the field leaves it', async () => {
  const w = await syncWorld();
  try {
    await w.importFile(await w.craft({ subjects: [entity()], 'list-entries': [abnormal] }));
    const db = w.core.ctx.db;
    const s = await findSubjectByIdNumber(db, '91110000600037341L');
    assert.ok(s);
    assert.deepEqual(await registrationOf(db, s.id), REGISTRATION);
    assert.deepEqual(await db.all('SELECT list_type, status FROM list_entry WHERE subject_id = ?', [s.id]), [{ list_type: 'abnormal_operation', status: 'active' }]);

    // A line as written before issue 24: no registration field. It applies; the registration stays.
    const { registration: _dropped, ...old } = entity({ version: 2, name: '北京某某科技股份有限公司' });
    await w.importFile(await w.craft({ subjects: [old] }));
    assert.equal((await findSubjectByIdNumber(db, '91110000600037341L'))?.name, '北京某某科技股份有限公司');
    assert.deepEqual(await registrationOf(db, s.id), REGISTRATION);

    // A newer line with a changed registration replaces it; an older line changes nothing.
    await w.importFile(await w.craft({ subjects: [entity({ version: 3, registration: { ...REGISTRATION, operatingStatus: 'revoked' } })] }));
    assert.equal((await registrationOf(db, s.id))?.operatingStatus, 'revoked');
    await w.importFile(await w.craft({ subjects: [entity({ version: 1, registration: { ...REGISTRATION, operatingStatus: 'operating' } })] }));
    assert.equal((await registrationOf(db, s.id))?.operatingStatus, 'revoked');

    // null removes it.
    await w.importFile(await w.craft({ subjects: [entity({ version: 4, registration: null })] }));
    assert.equal(await registrationOf(db, s.id), undefined);
  } finally {
    await w.dispose();
  }
});

test('an old registration without a unified code arrives under its registration number', async () => {
  const w = await syncWorld();
  try {
    const legacy = entity({ idNumber: '320500000012345', centralId: 'ENT-OLD', regionCode: '320500', registration: { ...REGISTRATION, registrationNo: '320500000012345' } });
    await w.importFile(await w.craft({ subjects: [legacy] }));
    const s = await findSubjectByIdNumber(w.core.ctx.db, '320500000012345');
    assert.equal((await registrationOf(w.core.ctx.db, s!.id))?.registrationNo, '320500000012345');
  } finally {
    await w.dispose();
  }
});

test('refused: a number that is neither a code nor the registration number, a type the code contradicts, a registration on a person', async () => {
  const w = await syncWorld();
  try {
    const notStated = entity({ idNumber: '320500000012345', centralId: 'ENT-OLD' });
    await refusedUnchanged(w, await w.craft({ subjects: [notStated] }), 'SYNC_ID_NUMBER_INVALID');
    // 92…: an individual business by its code, an enterprise by its registration.
    const first17 = '92110000MA01ABCD' + organizationCodeCheckChar('MA01ABCD');
    const individual = first17 + creditCodeCheckChar(first17);
    const e = await refusedUnchanged(w, await w.craft({ subjects: [entity({ idNumber: individual, centralId: 'ENT-92' })] }), 'SYNC_CONTENT_INVALID');
    assert.match(e.message, /entityType/);
    const person = { kind: 'person', idNumber: '11010519491231002X', name: '王五', gender: 'F', birthDate: '1949-12-31', legalRepresentative: null, regionCode: '110105', centralId: 'P-1', version: 1, registration: REGISTRATION };
    await refusedUnchanged(w, await w.craft({ subjects: [person] }), 'SYNC_CONTENT_INVALID');
  } finally {
    await w.dispose();
  }
});
