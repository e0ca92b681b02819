// Non-negative records: registration basics, licences, tax credit, social insurance, contract
// performance, volunteer service, honours and credit commitments. Licences and basic
// information are published without end (publicityEnd null).
import type { RecordDomain } from '../../shared/domain/record';
import type { SubjectBuilder } from './builder';
import { addMonths, dayToIso, isoToDay } from './days';
import { weightedTable } from './prng';
import { provinceName } from './regions';
import { licenceDocumentNo, noticeNo, providerUnit } from './units';

const year = (iso: string): number => Number(iso.slice(0, 4));
const money = (n: number): string => String(n);

export function addHouseholdRegistration(b: SubjectBuilder): void {
  const { region, rng } = b;
  const decidedOn = b.dateWithin(30);
  b.add({
    category: 'basic',
    domain: 'civil_affairs',
    title: '户籍登记信息',
    content: `户籍所在地：${region.city}${region.county}；登记事项：${rng.pick(['出生登记', '迁入登记', '户口迁移', '身份证换领'])}`,
    providerUnit: `${region.city}公安局${region.county.replace(/(新区|区|县)$/, '')}分局`,
    documentNo: '',
    decidedOn,
    publicityEnd: null,
  });
}

const DEGREES = weightedTable<[string, string]>([
  [['高中', '高级中学毕业证书'], 20],
  [['大学专科', '专科毕业证书'], 30],
  [['大学本科', '学士学位证书'], 35],
  [['硕士研究生', '硕士学位证书'], 12],
  [['博士研究生', '博士学位证书'], 3],
]);

export function addEducation(b: SubjectBuilder): void {
  const [level, cert] = b.rng.weighted(DEGREES);
  // Graduation falls between 18 and 30, not at a random point of the subject's life.
  const day = Math.min(b.todayDay - 30, b.adultDay + b.rng.int(0, 12 * 365));
  const decidedOn = dayToIso(Math.max(b.adultDay, day));
  b.add({
    category: 'basic',
    domain: 'education',
    title: '学历学位信息',
    content: `学历层次：${level}；证书：${cert}；毕业年份：${year(decidedOn)}`,
    providerUnit: `${b.region.city}教育局`,
    documentNo: `${b.rng.int(10000, 14999)}${year(decidedOn)}${b.rng.int(10000000, 99999999)}`,
    decidedOn,
    publicityEnd: null,
  });
}

export function addMarriage(b: SubjectBuilder): void {
  const decidedOn = b.dateWithin(35, 365);
  b.add({
    category: 'basic',
    domain: 'civil_affairs',
    title: '婚姻登记信息',
    content: `登记类型：${b.rng.chance(0.88) ? '结婚登记' : '离婚登记'}；登记机关：${b.region.county}民政局婚姻登记处`,
    providerUnit: `${b.region.city}${b.region.county}民政局`,
    documentNo: `J${b.region.code}-${year(decidedOn)}-${String(b.rng.int(1, 9999)).padStart(6, '0')}`,
    decidedOn,
    publicityEnd: null,
  });
}

const QUALIFICATIONS: readonly [RecordDomain, string, string][] = [
  ['health', '医师资格证书', '国家卫生健康委员会'],
  ['health', '护士执业资格证书', '国家卫生健康委员会'],
  ['education', '教师资格证书', '教育局'],
  ['judicial', '法律职业资格证书', '司法部'],
  ['finance', '注册会计师全科合格证', '中国注册会计师协会'],
  ['housing', '一级建造师执业资格证书', '住房和城乡建设部'],
  ['work_safety', '注册安全工程师职业资格证书', '应急管理部'],
];

export function addQualification(b: SubjectBuilder): void {
  const [domain, title, issuer] = b.rng.pick(QUALIFICATIONS);
  const decidedOn = b.dateWithin(25);
  b.add({
    category: 'basic',
    domain,
    title: '职业资格信息',
    content: `资格名称：${title}；发证机关：${issuer === '教育局' ? b.region.city + issuer : issuer}`,
    providerUnit: issuer === '教育局' ? `${b.region.city}教育局` : issuer,
    documentNo: `${year(decidedOn)}${b.rng.int(1000000000, 9999999999)}`,
    decidedOn,
    publicityEnd: null,
  });
}

const LICENCES: readonly [RecordDomain, string, string][] = [
  ['food_drug', '食品经营许可', '经营项目：预包装食品销售（含冷藏冷冻食品）、热食类食品制售'],
  ['market', '个体工商户登记', '经营范围：日用百货、五金交电零售'],
  ['transport', '道路运输从业资格', '从业资格类别：经营性道路货物运输驾驶员'],
  ['transport', '网络预约出租汽车驾驶员证', '服务类型：网络预约出租汽车客运'],
  ['health', '医师执业注册', '执业类别：临床；执业范围：内科专业'],
  ['education', '教师资格认定', '资格种类：初级中学教师资格；任教学科：数学'],
  ['housing', '建筑施工特种作业操作资格', '操作类别：建筑电工'],
  ['environment', '排污登记', '登记类型：固定污染源排污登记（餐饮服务）'],
];

const ENTITY_LICENCES: readonly [RecordDomain, string, string][] = [
  ['food_drug', '食品经营许可', '经营项目：预包装食品销售、散装食品销售'],
  ['transport', '道路运输经营许可', '经营范围：道路普通货物运输'],
  ['housing', '建筑业企业资质', '资质类别及等级：施工总承包三级'],
  ['environment', '排污许可', '行业类别：金属表面处理及热处理加工'],
  ['health', '公共场所卫生许可', '许可项目：住宿、餐饮'],
];

/** Persons who hold a licence also run a small business or practise a profession. */
export function addLicence(b: SubjectBuilder, entity = false): RecordDomain {
  const { rng } = b;
  const [domain, title, scope] = rng.pick(entity ? ENTITY_LICENCES : LICENCES);
  const region = b.deciderRegion();
  const county = rng.chance(0.7);
  const decidedOn = b.dateWithin(10, 30);
  // Food business licences carry their own JY number (经营许可证编号): JY + type + region + serial + check.
  const documentNo =
    domain === 'food_drug'
      ? `JY${rng.int(1, 2)}${region.code}${String(rng.int(1, 999999)).padStart(6, '0')}${rng.int(0, 9)}`
      : licenceDocumentNo(rng, region, domain, county, year(decidedOn));
  b.add({
    category: 'admin_licence',
    domain,
    title,
    content: `${scope}；有效期至${addMonths(decidedOn, 60)}`,
    providerUnit: providerUnit(region, domain, county),
    documentNo,
    decidedOn,
    publicityEnd: null,
  });
  return domain;
}

const TAX_LEVELS = weightedTable([
  ['A', 15],
  ['B', 45],
  ['M', 25],
  ['C', 10],
  ['D', 5],
] as const);

/** Tax credit levels are evaluated yearly and released in April for the previous year. */
export function addTaxCredit(b: SubjectBuilder, yearsBack: number): void {
  const { rng, region } = b;
  const lastYear = year(b.today) - (b.today.slice(5) >= '04-25' ? 1 : 2);
  const evalYear = lastYear - yearsBack;
  const level = rng.weighted(TAX_LEVELS);
  const decidedOn = `${evalYear + 1}-04-${String(rng.int(10, 25)).padStart(2, '0')}`;
  b.add({
    category: 'tax_credit',
    domain: 'tax',
    title: `${evalYear}年度纳税信用等级评价结果`,
    content: `纳税信用级别：${level}级（个体工商户${b.name}）`,
    providerUnit: providerUnit(region, 'tax', true),
    documentNo: noticeNo(rng, region, '税信评', evalYear + 1),
    decidedOn,
    occurredOn: `${evalYear}-12-31`,
    publicityEnd: addMonths(decidedOn, 12),
  });
}

export function addSocialInsurance(b: SubjectBuilder, kind: 'pension' | 'medical'): void {
  const { rng, region } = b;
  const decidedOn = b.dateWithin(3, 1);
  const pension = kind === 'pension';
  const months = Math.min(rng.int(6, 420), Math.floor((b.todayDay - b.adultDay) / 30.4));
  b.add({
    category: 'social_insurance',
    domain: pension ? 'civil_affairs' : 'health',
    title: pension ? '城镇职工基本养老保险参保缴费信息' : '基本医疗保险参保信息',
    content: pension
      ? `参保状态：${rng.chance(0.9) ? '正常缴费' : '暂停缴费'}；累计缴费月数：${Math.max(1, months)}`
      : `险种：${rng.chance(0.6) ? '职工基本医疗保险' : '城乡居民基本医疗保险'}；参保状态：参保缴费`,
    providerUnit: pension ? `${region.city}社会保险事业中心` : `${region.city}医疗保障局`,
    documentNo: '',
    decidedOn,
    publicityEnd: null,
  });
}

/** [domain, title, unit, amount range in yuan]: amounts stay within each programme's caps. */
const CONTRACTS: readonly [RecordDomain, string, string, number, number][] = [
  ['housing', '住房公积金贷款履约信息', '住房公积金管理中心', 100000, 1200000],
  ['education', '国家助学贷款还款信息', '学生资助管理中心', 8000, 64000],
  ['housing', '公共租赁住房租金缴纳信息', '住房和城乡建设局', 3000, 24000],
  ['finance', '创业担保贷款还款信息', '人力资源和社会保障局', 50000, 300000],
];

/** Overdue performance is kept 5 years (Order 631 art. 16); on-time performance has no end. */
export function addContract(b: SubjectBuilder): void {
  const { rng, region } = b;
  const [domain, title, unit, min, max] = rng.pick(CONTRACTS);
  const decidedOn = b.dateWithin(5, 1);
  const overdue = rng.chance(0.12);
  const amount = Math.round(rng.int(min, max) / 1000) * 1000;
  b.add({
    category: 'contract_performance',
    domain,
    title,
    content: overdue
      ? `合同金额${money(amount)}元；逾期${rng.int(1, 6)}期，逾期金额${money(rng.int(1, 20) * 500)}元`
      : `合同金额${money(amount)}元；按期履约，无逾期记录`,
    providerUnit: `${region.city}${unit}`,
    documentNo: `${region.cityShort}HT${year(decidedOn)}${String(rng.int(1, 99999)).padStart(5, '0')}`,
    decidedOn,
    publicityEnd: overdue ? addMonths(decidedOn, 60) : null,
  });
}

const ACTIVITIES = ['社区防疫', '文明交通劝导', '关爱空巢老人', '环境保护', '助学支教', '应急救援', '无偿献血宣传', '文化惠民'];

export function addVolunteer(b: SubjectBuilder): void {
  const { rng, region } = b;
  const decidedOn = b.dateWithin(4, 1);
  b.add({
    category: 'volunteer_service',
    domain: 'civil_affairs',
    title: '志愿服务记录',
    content: `累计志愿服务时长${rng.int(10, 1200)}小时；主要服务项目：${rng.pick(ACTIVITIES)}、${rng.pick(ACTIVITIES)}`,
    providerUnit: `共青团${region.city}委员会`,
    documentNo: '',
    decidedOn,
    publicityEnd: null,
  });
}

const HONOURS: readonly [RecordDomain, string, 'national' | 'province' | 'city'][] = [
  ['civil_affairs', '全国劳动模范', 'national'],
  ['civil_affairs', '道德模范', 'province'],
  ['civil_affairs', '见义勇为先进个人', 'city'],
  ['civil_affairs', '三八红旗手', 'city'],
  ['education', '优秀教师', 'city'],
  ['health', '优秀医务工作者', 'city'],
  ['civil_affairs', '优秀志愿者', 'city'],
  ['health', '无偿献血奉献奖金奖', 'national'],
];

export function addHonour(b: SubjectBuilder): void {
  const { rng, region } = b;
  const [domain, title, level] = rng.pick(HONOURS);
  const decidedOn = b.dateWithin(10, 30);
  const place = level === 'national' ? '' : level === 'province' ? provinceName(region) : region.city;
  const grantor = level === 'national' ? '中华人民共和国国务院' : `${place}人民政府`;
  b.add({
    category: 'honour',
    domain,
    title: `${place}${title}`,
    content: `授予${b.name}“${title}”荣誉称号`,
    providerUnit: grantor,
    documentNo: noticeNo(rng, region, '政字', year(decidedOn)),
    decidedOn,
    publicityEnd: null,
  });
}

const COMMITMENT_MATTERS = ['食品经营许可告知承诺', '个体工商户登记', '道路运输从业资格申请', '公共租赁住房申请', '职业资格考试报名'];

/** A commitment made when applying for a service, or the one required for early credit repair. */
export function addCommitment(b: SubjectBuilder, repairOf?: { unit: string; documentNo: string; decidedOn: string; domain: RecordDomain }): void {
  const { rng, region } = b;
  const decidedOn = repairOf
    ? addMonths(repairOf.decidedOn, rng.int(4, 14))
    : b.dateWithin(5, 1);
  const kept = rng.chance(0.95);
  b.add({
    category: 'credit_commitment',
    domain: repairOf ? repairOf.domain : 'civil_affairs',
    title: repairOf ? '信用修复承诺' : '信用承诺',
    content: repairOf
      ? `就${repairOf.documentNo}行政处罚申请信用修复，承诺已纠正失信行为、履行法定义务，三年内不再发生同类失信行为`
      : `办理${rng.pick(COMMITMENT_MATTERS)}时作出信用承诺；履约状态：${kept ? '已履约' : '未履约'}`,
    providerUnit: repairOf ? repairOf.unit : `${region.city}行政审批服务局`,
    documentNo: '',
    decidedOn: isoToDay(decidedOn) > b.todayDay ? b.today : decidedOn,
    publicityEnd: null,
  });
}
