// Red (good-credit) lists with joint reward measures. Local practice grants the "green channel"
// and "accept with missing documents" services to red-list persons (domain-rules.md, "Lists"),
// so those two are always attached; the others vary by list.
import type { RecordDomain } from '../../shared/domain/record';
import type { SubjectBuilder } from './builder';
import { addMonths, isoToDay } from './days';
import { noticeNo } from './units';

interface RedList {
  domain: RecordDomain;
  listName: string;
  unit: (city: string) => string;
  basis: string;
  measures: string[];
}

const BASIS = '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》(国发〔2016〕33号)';

const RED_LISTS: readonly RedList[] = [
  { domain: 'civil_affairs', listName: '诚实守信先进个人', unit: (c) => `${c}发展和改革委员会`, basis: BASIS, measures: ['RWD_PUBLIC_PRAISE', 'RWD_HONOUR_PRIORITY', 'RWD_DEPOSIT_WAIVER'] },
  { domain: 'health', listName: '无偿献血守信激励对象名单', unit: (c) => `${c}卫生健康委员会`, basis: BASIS, measures: ['RWD_DEPOSIT_WAIVER', 'RWD_PUBLIC_PRAISE'] },
  { domain: 'civil_affairs', listName: '优秀志愿者守信激励对象名单', unit: (c) => `共青团${c}委员会`, basis: BASIS, measures: ['RWD_DEPOSIT_WAIVER', 'RWD_HONOUR_PRIORITY'] },
  { domain: 'market', listName: '诚信经营示范个体工商户', unit: (c) => `${c}市场监督管理局`, basis: `${BASIS}；国办发〔2020〕49号`, measures: ['RWD_FEWER_INSPECTIONS', 'RWD_CREDIT_LOAN', 'RWD_FUNDING_PRIORITY'] },
  { domain: 'tax', listName: '纳税信用A级纳税人名单', unit: (c) => `国家税务总局${c}税务局`, basis: `${BASIS}；《纳税信用管理办法》`, measures: ['RWD_FEWER_INSPECTIONS', 'RWD_CREDIT_LOAN'] },
];

export function addRedList(b: SubjectBuilder): void {
  const { rng, region } = b;
  const list = rng.pick(RED_LISTS);
  const enteredOn = b.dateWithin(4, 7);
  const exitOn = addMonths(enteredOn, 36);
  const unit = list.unit(region.city);
  const reason = `连续三年无失信记录，经${unit}认定列入${list.listName}`;
  const recordId = b.add({
    category: 'red_list',
    domain: list.domain,
    title: list.listName,
    content: reason,
    providerUnit: unit,
    documentNo: noticeNo(rng, region, '信激字', Number(enteredOn.slice(0, 4))),
    decidedOn: enteredOn,
    publicityEnd: exitOn,
  });
  b.addListEntry({
    listType: 'red',
    listName: list.listName,
    reason,
    basis: list.basis,
    decidingUnit: unit,
    recordCentralId: recordId,
    enteredOn,
    exitOn,
    status: isoToDay(exitOn) <= b.todayDay ? 'exited' : 'active',
    measureCodes: ['RWD_GREEN_CHANNEL', 'RWD_MISSING_DOCS', ...list.measures],
  });
}
