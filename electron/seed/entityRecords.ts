// The records and registration only an entity has (issue 24): registration basics, an old
// registration number, administrative enforcement, court judgments, credit evaluations and the
// abnormal-operation list. Deterministic like the rest of the generator: a pure function of the
// builder's stream.
import type { EntityRegistration, EntityType } from '../../shared/domain/subject';
import { idCheckChar } from '../../shared/validators/idNumber';
import { addDays, addMonths } from './days';
import type { SubjectBuilder } from './builder';
import { courtCaseNo, noticeNo, providerUnit } from './units';

const year = (iso: string) => Number(iso.slice(0, 4));

const SCOPES: Record<EntityType, readonly string[]> = {
  enterprise: ['技术开发、技术咨询、技术服务；软件开发；计算机系统集成', '食品经营（销售预包装食品）；日用百货销售', '建设工程施工；建筑劳务分包；工程管理服务', '普通货物道路运输；仓储服务（不含危险化学品）'],
  individual_business: ['餐饮服务；小食杂', '日用百货、五金交电零售', '理发及美容服务'],
  farmers_coop: ['组织收购、销售成员种植的蔬菜、水果；提供农业技术培训'],
  social_organisation: ['行业交流、业务培训、咨询服务、编辑内部资料', '开展社区公益服务、志愿服务活动'],
  institution: ['为社会提供公共服务'],
  other: ['依章程开展活动'],
};

/**
 * A 15-digit registration number of the 2007 scheme (工商注册号): the authority's six-digit code,
 * eight serial digits, and an ISO 7064 MOD 11,10 check digit.
 */
export function registrationNumber(regionCode: string, serial: number): string {
  const first14 = `${regionCode}${String(serial % 100_000_000).padStart(8, '0')}`;
  let p = 10;
  for (const ch of first14) {
    const s = ((p + Number(ch)) % 10) || 10;
    p = (s * 2) % 11;
  }
  return first14 + String((11 - p) % 10);
}

/** A legal representative's citizen ID number, valid and adult, numbered by the entity. */
export function legalRepIdNumber(regionCode: string, index: number): string {
  const birth = `19${60 + (index % 35)}${String((index % 12) + 1).padStart(2, '0')}${String((index % 28) + 1).padStart(2, '0')}`;
  const first17 = `${regionCode}${birth}${String((index % 499) * 2 + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export function registrationFor(
  b: SubjectBuilder, entityType: EntityType, establishedOn: string, registrationNo: string | null, legalRepId: string | null,
): EntityRegistration {
  const { rng, region } = b;
  const capital = entityType === 'enterprise' ? `${rng.pick([50, 100, 200, 500, 1000, 3000, 5000])}万元人民币` : entityType === 'farmers_coop' ? `${rng.int(10, 200)}万元人民币` : null;
  const authority = entityType === 'social_organisation' ? `${region.city}民政局` : `${region.city}${region.county}市场监督管理局`;
  return {
    registrationNo,
    entityType,
    establishedOn,
    registeredCapital: capital,
    address: `${region.city}${region.county}${rng.pick(['人民路', '建设路', '解放路', '中心大街', '工业园区'])}${rng.int(1, 300)}号`,
    businessScope: rng.pick(SCOPES[entityType]),
    registrationAuthority: authority,
    operatingStatus: rng.chance(0.9) ? 'subsisting' : rng.pick(['operating', 'suspended', 'revoked'] as const),
    legalRepIdNumber: legalRepId,
  };
}

/** 行政强制: an order sealing or seizing goods, decided in the last three years. */
export function addEnforcement(b: SubjectBuilder): void {
  const { rng } = b;
  const domain = rng.pick(['market', 'environment', 'work_safety', 'food_drug'] as const);
  const region = b.deciderRegion();
  const decidedOn = b.dateWithin(3, 3);
  b.add({
    category: 'admin_enforcement',
    domain,
    // Negative records carry a severity tier (the repair measures' tiers); an enforcement measure is an ordinary one.
    severity: 'ordinary',
    title: rng.pick(['查封场所、设施或者财物', '扣押财物', '责令停产停业整顿（行政强制措施）']),
    content: '依据《中华人民共和国行政强制法》第九条，对涉案场所、设施或财物采取行政强制措施，期限三十日。',
    providerUnit: providerUnit(region, domain, true),
    documentNo: noticeNo(rng, region, '强制字', year(decidedOn)),
    decidedOn,
    publicityEnd: addMonths(decidedOn, 36),
  });
}

/** 司法判决: a civil judgment against the entity (contract dispute), published three years. */
export function addJudgment(b: SubjectBuilder): void {
  const { rng, region } = b;
  const decidedOn = b.dateWithin(4, 10);
  b.add({
    category: 'judicial_judgment',
    domain: 'judicial',
    severity: 'ordinary',
    title: rng.pick(['买卖合同纠纷民事判决', '建设工程施工合同纠纷民事判决', '劳动争议民事判决']),
    content: `判决被告${b.name}于判决生效之日起十日内支付货款及利息，案件受理费由被告负担。`,
    providerUnit: `${region.city}${region.county}人民法院`,
    documentNo: courtCaseNo(rng, region, year(decidedOn)).replace(/执恢|执/, '民初'),
    decidedOn,
    publicityEnd: addMonths(decidedOn, 36),
  });
}

/** 信用评价: a sector's credit rating of the entity, valid a year. */
export function addCreditEvaluation(b: SubjectBuilder): void {
  const { rng, region } = b;
  const decidedOn = b.dateWithin(2, 1);
  const domain = rng.pick(['housing', 'transport', 'environment'] as const);
  b.add({
    category: 'credit_evaluation',
    domain,
    title: `${year(decidedOn) - 1}年度${domain === 'housing' ? '建筑市场' : domain === 'transport' ? '道路运输企业' : '企业环境'}信用评价结果`,
    content: `评价等级：${rng.pick(['AAA', 'AA', 'A', 'B'])}级`,
    providerUnit: providerUnit(region, domain, false),
    documentNo: noticeNo(rng, region, '信评', year(decidedOn)),
    decidedOn,
    publicityEnd: addMonths(decidedOn, 12),
  });
}

/** 经营异常名录: listed for a missed annual report (Interim Regulations on Enterprise Information Publicity art. 8). */
export function addAbnormalOperation(b: SubjectBuilder, active = true): void {
  const { rng, region } = b;
  const enteredOn = b.dateWithin(3, 5);
  const exitOn = active ? null : addDays(enteredOn, rng.int(30, 300));
  const unit = `${region.city}${region.county}市场监督管理局`;
  b.addListEntry({
    listType: 'abnormal_operation',
    listName: '经营异常名录',
    reason: rng.pick(['未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告', '通过登记的住所或者经营场所无法联系']),
    basis: '《企业信息公示暂行条例》第八条、第十七条；《企业经营异常名录管理暂行办法》',
    decidingUnit: unit,
    recordCentralId: null,
    enteredOn,
    exitOn,
    status: exitOn !== null && exitOn <= b.today ? 'exited' : 'active',
    measureCodes: [],
  });
}
