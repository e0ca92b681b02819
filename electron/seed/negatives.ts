// Negative records and the lists that rest on them: administrative penalties (tiered per the
// 2025 Credit Repair Measures), dishonest judgment debtors (法释〔2017〕7号: listed 2 years,
// extendable) and serious-dishonesty (black) lists, each citing catalogue measures only.
import type { RecordDomain, Severity } from '../../shared/domain/record';
import type { SubjectBuilder } from './builder';
import type { Region } from './regions';
import { addDays, addMonths, dayToIso, isoToDay } from './days';
import { PENALTY_TEMPLATES, penaltyKindOf } from './penaltyCatalog';
import { weightedTable } from './prng';
import { penaltyPublicity, SEVERITY_SHARES, SHORTEST_MONTHS } from './publicity';
import { addCommitment } from './records';
import { courtCaseNo, noticeNo, penaltyDocumentNo, providerUnit } from './units';

const SEVERITIES = weightedTable(SEVERITY_SHARES);
const year = (iso: string): number => Number(iso.slice(0, 4));
const roundFine = (n: number): number => (n >= 10000 ? Math.round(n / 1000) * 1000 : Math.round(n / 100) * 100);

export interface PenaltyOptions {
  severity?: Severity;
  domain?: RecordDomain;
  /** Serious penalties behind a black-list entry must stay in force (not revoked or repaired). */
  keepActive?: boolean;
}

export interface PenaltyRef {
  centralId: string;
  documentNo: string;
  decidedOn: string;
  unit: string;
  domain: RecordDomain;
  region: Region;
}

export function addPenalty(b: SubjectBuilder, opts: PenaltyOptions = {}): PenaltyRef {
  const { rng } = b;
  const pool = opts.domain ? PENALTY_TEMPLATES.filter((t) => t.domain === opts.domain) : PENALTY_TEMPLATES;
  const t = rng.pick(pool.length > 0 ? pool : PENALTY_TEMPLATES);
  const severity = opts.severity ?? rng.weighted(SEVERITIES);
  const tier = severity === 'minor' ? 0 : severity === 'ordinary' ? 1 : 2;
  const [lo, hi] = t.fines[tier] ?? [0, 0];
  const fine = roundFine(rng.int(lo, hi));
  const warningOnly = severity === 'minor' && t.warningOnly === true && rng.chance(0.5);
  const sanction = warningOnly
    ? '给予警告'
    : `${severity === 'minor' ? '给予警告，并' : ''}处罚款${fine}元${severity === 'serious' && t.seriousExtra ? `，${t.seriousExtra}` : ''}`;
  const region = b.deciderRegion();
  const county = rng.chance(0.75);
  // Spread over the last 5 years: many past their window, some published, some about to end.
  const decidedOn = b.dateWithin(5, 3);
  const { publicityStart, publicityEnd } = penaltyPublicity(rng, severity, t.domain, decidedOn, warningOnly || fine <= 3000);
  const unit = providerUnit(region, t.domain, county);
  const documentNo = penaltyDocumentNo(rng, region, t.domain, county, year(decidedOn));
  const law = t.law.replace('{city}', region.city);

  let status: 'active' | 'revoked' | 'repaired' | 'corrected' = 'active';
  const roll = rng.next();
  const repairable =
    severity !== 'minor' && isoToDay(addMonths(decidedOn, SHORTEST_MONTHS[severity])) < b.todayDay && isoToDay(publicityEnd) > b.todayDay;
  if (!opts.keepActive) {
    if (roll < 0.015) status = 'revoked';
    else if (roll < 0.02) status = 'corrected';
    else if (repairable && roll < 0.12) status = 'repaired';
  }
  const centralId = b.add({
    category: 'admin_penalty',
    domain: t.domain,
    severity,
    penaltyKind: penaltyKindOf(t, severity, warningOnly),
    title: t.violation,
    content: `当事人${t.violation}，违反了${law}的规定，依据${law}，${sanction}。`,
    providerUnit: unit,
    documentNo,
    occurredOn: addDays(decidedOn, -rng.int(15, 120)),
    decidedOn,
    publicityStart,
    publicityEnd,
    status,
    version: status === 'corrected' ? 2 : 1,
  });
  if (status === 'repaired') addCommitment(b, { unit, documentNo, decidedOn, domain: t.domain });
  return { centralId, documentNo, decidedOn, unit, domain: t.domain, region };
}

const DEBTOR_CONDUCT = [
  '有履行能力而拒不履行生效法律文书确定的义务',
  '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  '违反财产报告制度',
  '违反限制消费令',
  '无正当理由拒不履行执行和解协议',
];

const CONSUMPTION_MEASURES = [
  'PUN_FLIGHT',
  'PUN_RAIL_PREMIUM',
  'PUN_STAR_HOTEL',
  'PUN_REAL_ESTATE',
  'PUN_OFFICE_LEASE',
  'PUN_CAR',
  'PUN_TRAVEL',
  'PUN_PRIVATE_SCHOOL',
  'PUN_INSURANCE',
];

export function addDishonestDebtor(b: SubjectBuilder): void {
  const { rng, region } = b;
  const enteredOn = b.dateWithin(4, 3);
  const caseNo = courtCaseNo(rng, region, year(enteredOn) - rng.int(0, 1));
  const court = providerUnit(region, 'judicial', true);
  // Listed 2 years; a fifth are extended by 1–3 years; some leave early after performing.
  let exitOn = addMonths(enteredOn, 24 + (rng.chance(0.2) ? 12 * rng.int(1, 3) : 0));
  if (rng.chance(0.25)) {
    // Deleted within 3 working days once the duty is performed (法释〔2017〕7号 art. 10).
    const from = isoToDay(enteredOn) + 30;
    const to = Math.min(isoToDay(exitOn), b.todayDay);
    if (to > from) exitOn = addDays(dayToIso(rng.int(from, to)), 3);
  }
  const exited = isoToDay(exitOn) <= b.todayDay;
  const amount = rng.int(1, 400) * 1000 + rng.int(0, 999);
  const conduct = rng.pick(DEBTOR_CONDUCT);
  const recordId = b.add({
    category: 'dishonest_debtor',
    domain: 'judicial',
    severity: 'serious',
    title: '失信被执行人',
    content: `${conduct}；执行依据：${region.city}${region.county}人民法院民事判决书；未履行金额${amount}元`,
    providerUnit: court,
    documentNo: caseNo,
    occurredOn: addDays(enteredOn, -rng.int(30, 400)),
    decidedOn: enteredOn,
    publicityStart: enteredOn,
    publicityEnd: exitOn,
  });
  const measures = [...CONSUMPTION_MEASURES, 'PUN_LEGAL_REP', 'PUN_CIVIL_SERVICE', 'PUN_PUBLIC_NOTICE'];
  if (rng.chance(0.1)) measures.push('PUN_EXIT');
  b.addListEntry({
    listType: 'dishonest_debtor',
    listName: '失信被执行人名单',
    reason: conduct,
    basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》(法释〔2017〕7号)第一条',
    decidingUnit: court,
    recordCentralId: recordId,
    enteredOn,
    exitOn,
    status: exited ? 'exited' : 'active',
    measureCodes: measures,
  });
}

interface BlackList {
  domain: RecordDomain;
  listName: string;
  basis: string;
  measures: string[];
}

const BLACK_LISTS: readonly BlackList[] = [
  { domain: 'work_safety', listName: '安全生产严重失信主体名单', basis: '《安全生产严重失信主体名单管理办法》(应急管理部令第11号)', measures: ['PUN_SAFETY_HEAD', 'PUN_KEY_SUPERVISION', 'PUN_GOV_PROCUREMENT', 'PUN_BIDDING', 'PUN_HONOURS', 'PUN_PUBLIC_NOTICE'] },
  { domain: 'tax', listName: '重大税收违法失信主体', basis: '《重大税收违法失信主体信息公布管理办法》(国家税务总局令第54号)', measures: ['PUN_INVOICE', 'PUN_GOV_PROCUREMENT', 'PUN_CREDIT_LENDING', 'PUN_HONOURS', 'PUN_PUBLIC_NOTICE'] },
  { domain: 'food_drug', listName: '市场监督管理严重违法失信名单', basis: '《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)', measures: ['PUN_FOOD_LICENCE', 'PUN_KEY_SUPERVISION', 'PUN_GOV_PROCUREMENT', 'PUN_HONOURS', 'PUN_PUBLIC_NOTICE'] },
  { domain: 'market', listName: '市场监督管理严重违法失信名单', basis: '《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)', measures: ['PUN_KEY_SUPERVISION', 'PUN_GOV_PROCUREMENT', 'PUN_BIDDING', 'PUN_HONOURS', 'PUN_PUBLIC_NOTICE'] },
  { domain: 'transport', listName: '交通运输领域严重失信主体名单', basis: '《中华人民共和国道路运输条例》；国办发〔2020〕49号', measures: ['PUN_TRANSPORT_QUAL', 'PUN_KEY_SUPERVISION', 'PUN_PUBLIC_NOTICE'] },
  { domain: 'housing', listName: '拖欠农民工工资失信联合惩戒对象名单', basis: '《保障农民工工资支付条例》(国务院令第724号)第四十八条；《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》(人力资源社会保障部令第45号)', measures: ['PUN_GOV_PROCUREMENT', 'PUN_BIDDING', 'PUN_SUBSIDY', 'PUN_CREDIT_LENDING', 'PUN_HONOURS', 'PUN_PUBLIC_NOTICE'] },
  { domain: 'environment', listName: '生态环境领域严重失信名单', basis: '《企业环境信用评价办法(试行)》(环发〔2013〕150号)；国办发〔2020〕49号', measures: ['PUN_ENV_PERMIT', 'PUN_KEY_SUPERVISION', 'PUN_SUBSIDY', 'PUN_PUBLIC_NOTICE'] },
];

/** A black-list entry rests on a serious penalty in the same domain; both stay in force. */
export function addBlackList(b: SubjectBuilder): void {
  const { rng } = b;
  const list = rng.pick(BLACK_LISTS);
  const penalty = addPenalty(b, { severity: 'serious', domain: list.domain, keepActive: true });
  const enteredOn = addDays(penalty.decidedOn, rng.int(20, 90));
  const decided = isoToDay(enteredOn) > b.todayDay ? b.today : enteredOn;
  const exitOn = addMonths(decided, 36);
  const region = penalty.region;
  // Serious-dishonesty lists are decided at city level or above, where the penalty was decided.
  const unit = providerUnit(region, list.domain, false);
  const reason = `因${penalty.documentNo}行政处罚决定所涉严重违法失信行为，列入${list.listName}`;
  const recordId = b.add({
    category: 'black_list',
    domain: list.domain,
    severity: 'serious',
    title: list.listName,
    content: reason,
    providerUnit: unit,
    documentNo: noticeNo(rng, region, '失信列字', year(decided)),
    occurredOn: penalty.decidedOn,
    decidedOn: decided,
    publicityStart: decided,
    publicityEnd: exitOn,
  });
  b.addListEntry({
    listType: 'black',
    listName: list.listName,
    reason,
    basis: list.basis,
    decidingUnit: unit,
    recordCentralId: recordId,
    enteredOn: decided,
    exitOn,
    status: isoToDay(exitOn) <= b.todayDay ? 'exited' : 'active',
    measureCodes: list.measures,
  });
}
