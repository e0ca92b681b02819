import type { ListEntryRow, RecordRow, SubjectBundle } from '../../shared/domain/population';
import type { RecordCategory, RecordDomain, RecordStatus, Severity } from '../../shared/domain/record';
import type { EntityRegistration, EntityType } from '../../shared/domain/subject';
import { addCalendarDays, yearsBefore } from '../../shared/calendar/dates';
import { creditCodeOf } from '../seed/idNumbers';
import { legalRepIdNumber, registrationNumber } from '../seed/entityRecords';

// The demo office's legal entities (issue 24): one of every shape a new user should meet at the
// counter and on both entity reports. Fixed rather than generated, so the guide and the tests can
// name them: a clean company, one with penalties in several fields, one on the abnormal-operation
// list, one on a serious-dishonesty list with its measures, one whose penalty was repaired, one
// whose penalty is under objection, an individual business (92…), a social organisation (51…) and
// an old registration known only by its registration number. Dates count back from the demo's
// "today", so every record is in its publicity period whatever day the demo is made.

const REGION = '370303'; // 淄博市张店区, the demo office's district
const MARKET = '淄博市张店区市场监督管理局';

export interface DemoEntity {
  key: string;
  kind: EntityType;
  /** Characters 1–2 of the code; null for the old registration without one. */
  deptType: string | null;
  name: string;
  legalRep: string;
}

export const DEMO_ENTITIES: readonly DemoEntity[] = [
  { key: 'clean', kind: 'enterprise', deptType: '91', name: '淄博华泰诚信科技有限公司', legalRep: '刘建国' },
  { key: 'penalties', kind: 'enterprise', deptType: '91', name: '淄博鑫源化工有限公司', legalRep: '孙志强' },
  { key: 'abnormal', kind: 'enterprise', deptType: '91', name: '淄博恒通商贸有限公司', legalRep: '马丽' },
  { key: 'dishonest', kind: 'enterprise', deptType: '91', name: '淄博宏达建筑工程有限公司', legalRep: '赵永刚' },
  { key: 'repaired', kind: 'enterprise', deptType: '91', name: '淄博瑞丰食品有限公司', legalRep: '陈静' },
  { key: 'objection', kind: 'enterprise', deptType: '91', name: '淄博金诚物流有限公司', legalRep: '杨帆' },
  { key: 'individual', kind: 'individual_business', deptType: '92', name: '张店区老周家小吃店', legalRep: '周德明' },
  { key: 'social', kind: 'social_organisation', deptType: '51', name: '淄博市张店区餐饮行业协会', legalRep: '吴晓梅' },
  { key: 'legacy', kind: 'enterprise', deptType: null, name: '淄博张店红旗五金厂', legalRep: '郑国华' },
];

/** The demo entity's number: its code, or for the old registration its registration number. */
export function demoEntityNumber(e: DemoEntity, index: number): string {
  return e.deptType === null ? registrationNumber(REGION, 880_000 + index) : creditCodeOf(e.deptType, REGION, `MA${String(3_000_000 + index * 7919).padStart(6, '0').slice(-6)}`);
}

export function demoEntities(today: string, prefix: string): SubjectBundle[] {
  return DEMO_ENTITIES.map((e, i) => demoEntity(e, i, today, prefix));
}

function demoEntity(e: DemoEntity, index: number, today: string, prefix: string): SubjectBundle {
  const centralId = `${prefix}ENT-${e.key}`;
  const number = demoEntityNumber(e, index);
  const records: RecordRow[] = [];
  const lists: ListEntryRow[] = [];
  const daysAgo = (n: number) => addCalendarDays(today, -n);
  const add = (category: RecordCategory, domain: RecordDomain, title: string, content: string, at: number, over: Partial<RecordRow> = {}): string => {
    const id = `${centralId}-R${records.length + 1}`;
    const decidedOn = daysAgo(at);
    records.push({
      centralId: id, subjectCentralId: centralId, category, domain, severity: null, penaltyKind: null, title, content,
      providerUnit: MARKET, documentNo: `淄张市监字〔${decidedOn.slice(0, 4)}〕${100 + records.length}号`, occurredOn: decidedOn, decidedOn,
      publicityStart: decidedOn, publicityEnd: null, status: 'active', version: 1, ...over,
    });
    return id;
  };
  const penalty = (domain: RecordDomain, unit: string, title: string, severity: Severity, at: number, status: RecordStatus = 'active') =>
    add('admin_penalty', domain, title, `${title}，依法作出行政处罚。`, at, {
      severity, penaltyKind: 'fine', providerUnit: unit, status, publicityEnd: addCalendarDays(daysAgo(at), { minor: 90, ordinary: 365, serious: 1095 }[severity]),
    });
  const established = yearsBefore(today, 6 + index);
  add('basic', 'market', '登记信息', `主体类型：${e.kind === 'social_organisation' ? '社会团体' : e.kind === 'individual_business' ? '个体工商户' : '有限责任公司'}；法定代表人（负责人）：${e.legalRep}`, 0, {
    decidedOn: established, occurredOn: established, publicityStart: established, providerUnit: e.kind === 'social_organisation' ? '淄博市张店区民政局' : MARKET,
  });
  add('admin_licence', 'market', e.kind === 'social_organisation' ? '社会团体法人登记证书' : '食品经营许可', '准予许可，有效期五年。', 400, { publicityEnd: null });
  switch (e.key) {
    case 'clean':
      add('tax_credit', 'tax', `${Number(today.slice(0, 4)) - 1}年度纳税信用等级评价结果`, '纳税信用级别：A级', 200, { providerUnit: '国家税务总局淄博市张店区税务局', publicityEnd: addCalendarDays(daysAgo(200), 365) });
      add('credit_evaluation', 'housing', '建筑市场信用评价结果', '评价等级：AAA级', 120, { providerUnit: '淄博市住房和城乡建设局', publicityEnd: addCalendarDays(daysAgo(120), 365) });
      add('honour', 'market', '守合同重信用企业', '被评为守合同重信用企业', 300, { publicityEnd: addCalendarDays(daysAgo(300), 1095) });
      add('credit_commitment', 'market', '信用承诺书', '承诺依法诚信经营，接受社会监督。', 90);
      break;
    case 'penalties':
      penalty('environment', '淄博市生态环境局张店分局', '超标排放大气污染物', 'ordinary', 150);
      penalty('work_safety', '淄博市张店区应急管理局', '未按规定开展安全生产教育培训', 'ordinary', 80);
      penalty('market', MARKET, '销售不合格产品', 'minor', 40);
      penalty('tax', '国家税务总局淄博市张店区税务局', '未按期申报纳税', 'ordinary', 220);
      add('admin_enforcement', 'environment', '查封场所、设施或者财物', '依据《中华人民共和国行政强制法》第九条查封排污设施三十日。', 148, { severity: 'ordinary', providerUnit: '淄博市生态环境局张店分局', publicityEnd: addCalendarDays(daysAgo(148), 1095) });
      add('judicial_judgment', 'judicial', '买卖合同纠纷民事判决', '判决被告支付货款及利息。', 260, { severity: 'ordinary', providerUnit: '淄博市张店区人民法院', documentNo: `（${daysAgo(260).slice(0, 4)}）鲁0303民初2316号`, publicityEnd: addCalendarDays(daysAgo(260), 1095) });
      break;
    case 'abnormal':
      lists.push(listEntry(centralId, lists.length, 'abnormal_operation', '经营异常名录', '未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告', '《企业信息公示暂行条例》第八条、第十七条', MARKET, daysAgo(170), null, []));
      break;
    case 'dishonest': {
      penalty('housing', '淄博市住房和城乡建设局', '拖欠农民工工资', 'serious', 300);
      const listed = add('black_list', 'housing', '拖欠农民工工资失信联合惩戒对象名单', '因拖欠农民工工资列入失信联合惩戒对象名单', 260, {
        severity: 'serious', providerUnit: '淄博市人力资源和社会保障局', publicityEnd: addCalendarDays(daysAgo(260), 1095),
      });
      lists.push(listEntry(centralId, lists.length, 'black', '拖欠农民工工资失信联合惩戒对象名单', '拖欠农民工工资数额较大，经责令仍不支付',
        '《保障农民工工资支付条例》(国务院令第724号)第四十八条', '淄博市人力资源和社会保障局', daysAgo(260), addCalendarDays(daysAgo(260), 1095),
        ['PUN_GOV_PROCUREMENT', 'PUN_BIDDING', 'PUN_SUBSIDY', 'PUN_CREDIT_LENDING', 'PUN_HONOURS', 'PUN_PUBLIC_NOTICE'], listed));
      break;
    }
    case 'repaired':
      penalty('food_drug', MARKET, '生产经营标签不符合规定的食品', 'ordinary', 200, 'repaired');
      add('credit_commitment', 'food_drug', '信用修复承诺书', '承诺已纠正失信行为并履行法定义务。', 120);
      break;
    case 'objection':
      penalty('transport', '淄博市交通运输局', '道路运输车辆未按规定进行年度审验', 'ordinary', 60, 'under_objection');
      break;
    case 'individual':
      penalty('food_drug', MARKET, '未按规定公示食品经营许可证', 'minor', 30);
      break;
    case 'social':
      add('credit_evaluation', 'civil_affairs', '社会组织评估等级', '评估等级：4A', 180, { providerUnit: '淄博市张店区民政局', publicityEnd: addCalendarDays(daysAgo(180), 1825) });
      break;
    default:
      break;
  }
  const registration: EntityRegistration = {
    registrationNo: e.deptType === null ? number : e.kind === 'enterprise' ? registrationNumber(REGION, 770_000 + index) : null,
    entityType: e.kind,
    establishedOn: established,
    registeredCapital: e.kind === 'enterprise' ? `${[500, 1000, 300, 2000, 800, 1500, 0, 0, 50][index]}万元人民币` : null,
    address: `山东省淄博市张店区${['人民西路', '共青团路', '华光路', '柳泉路', '西二路', '北京路', '金晶大道', '新村西路', '和平路'][index]}${10 + index * 7}号`,
    businessScope: e.kind === 'social_organisation' ? '行业交流、业务培训、咨询服务' : e.kind === 'individual_business' ? '餐饮服务；小食杂' : '技术开发；货物进出口；销售日用百货',
    registrationAuthority: e.kind === 'social_organisation' ? '淄博市张店区民政局' : e.deptType === null ? '淄博市张店区工商行政管理局' : MARKET,
    operatingStatus: 'subsisting',
    legalRepIdNumber: legalRepIdNumber(REGION, 9_000 + index),
  };
  return {
    subject: { kind: 'entity', idNumber: number, name: e.name, gender: null, birthDate: null, legalRepresentative: e.legalRep, regionCode: REGION, centralId, version: 1, registration },
    records,
    listEntries: lists,
  };
}

function listEntry(
  subjectCentralId: string, n: number, listType: ListEntryRow['listType'], listName: string, reason: string, basis: string, decidingUnit: string,
  enteredOn: string, exitOn: string | null, measureCodes: string[], recordCentralId: string | null = null,
): ListEntryRow {
  return { centralId: `${subjectCentralId}-L${n + 1}`, subjectCentralId, recordCentralId, listType, listName, reason, basis, decidingUnit, enteredOn, exitOn, status: 'active', measureCodes };
}
