// Legal entities with valid unified social credit codes and their registration basics, about one
// for every 8 persons on the reference platform (issue 24). Same determinism contract as persons:
// a pure function of (seed, index), on its own stream so it never perturbs the persons.
import type { SubjectBundle } from '../../shared/domain/population';
import { SubjectBuilder } from './builder';
import { creditCodeOf } from './idNumbers';
import { personName } from './names';
import { addBlackList, addPenalty } from './negatives';
import { hashSeed, Rng, weightedTable } from './prng';
import { addLicence, addTaxCredit } from './records';
import { addAbnormalOperation, addCreditEvaluation, addEnforcement, addJudgment, legalRepIdNumber, registrationFor, registrationNumber } from './entityRecords';
import type { EntityType } from '../../shared/domain/subject';
import { REGIONS, type Region } from './regions';
import { noticeNo } from './units';

const TRADE_NAMES = [...'鑫源华泰恒通瑞丰宏达金诚永盛汇博康和嘉禾润德安信'];
const INDUSTRIES = ['商贸', '食品', '建筑工程', '物流', '科技', '餐饮管理', '环保科技', '医药', '装饰工程', '运输'];
const ENTITY_STREAM = 7;

export interface EntityOptions {
  entities: number;
  seed: string;
  today: string;
  startIndex?: number;
  centralIdPrefix?: string;
}

/** The kinds of entity a city registers, by share (a code's characters 1–2 follow from the kind). */
const KINDS: readonly (readonly [EntityType, string, number])[] = [
  ['enterprise', '91', 78],
  ['individual_business', '92', 14],
  ['farmers_coop', '93', 3],
  ['social_organisation', '51', 5],
];
const KIND_TABLE = weightedTable(KINDS.map(([kind, code, w]) => [[kind, code] as const, w] as const));

function entityName(rng: Rng, region: Region, kind: EntityType): string {
  const trade = rng.pick(TRADE_NAMES) + rng.pick(TRADE_NAMES);
  const place = region.city.replace(/市$/, '');
  if (kind === 'individual_business') return `${region.county}${trade}${rng.pick(['小吃店', '便利店', '理发店', '五金店'])}`;
  if (kind === 'farmers_coop') return `${region.county}${trade}${rng.pick(['蔬菜', '果品', '养殖'])}专业合作社`;
  if (kind === 'social_organisation') return `${place}${rng.pick(INDUSTRIES)}${rng.pick(['行业协会', '商会', '促进会'])}`;
  return `${place}${trade}${rng.pick(INDUSTRIES)}有限公司`;
}

/**
 * Legal entities of every kind with their registration basics (issue 24): enterprises, individual
 * businesses, farmers' cooperatives and social organisations, each with a valid code whose
 * characters 1–2 match its kind; about 2 in 100 registered before the code, known only by their
 * registration number. Records: the registration, licences, penalties, and now and then
 * enforcement, a judgment, a credit evaluation, the abnormal-operation or a black list.
 */
export function* generateEntities(opts: EntityOptions): Generator<SubjectBundle> {
  const seedHash = hashSeed(opts.seed);
  const prefix = opts.centralIdPrefix ?? '';
  const start = opts.startIndex ?? 0;
  for (let index = start; index < start + opts.entities; index++) {
    const rng = Rng.forIndex(seedHash, index, ENTITY_STREAM);
    const region = rng.pick(REGIONS);
    const [kind, deptType] = rng.weighted(KIND_TABLE);
    const name = entityName(rng, region, kind);
    const legalRepresentative = personName(rng, rng.chance(0.7) ? 'M' : 'F');
    const centralId = `${prefix}E${index}`;
    const b = new SubjectBuilder(rng, region, name, null, opts.today, centralId, `${prefix}ER${index}-`, `${prefix}EL${index}-`);
    const established = b.dateWithin(20, 60);
    const legacy = kind !== 'social_organisation' && rng.chance(0.02);
    const registrationNo = legacy || rng.chance(0.4) ? registrationNumber(region.code, index) : null;
    b.add({
      category: 'basic',
      domain: 'market',
      title: kind === 'social_organisation' ? '社会组织登记信息' : '登记信息',
      content: `主体类型：${KIND_NAMES[kind]}；法定代表人（负责人）：${legalRepresentative}；成立日期：${established}`,
      providerUnit: kind === 'social_organisation' ? `${region.city}民政局` : `${region.city}${region.county}市场监督管理局`,
      documentNo: noticeNo(rng, region, '登字', Number(established.slice(0, 4))),
      decidedOn: established,
      publicityEnd: null,
    });
    for (let k = rng.int(1, 3); k > 0; k--) addLicence(b, true);
    for (let k = rng.int(0, 3); k > 0; k--) addPenalty(b);
    if (rng.chance(0.08)) addEnforcement(b);
    if (rng.chance(0.1)) addJudgment(b);
    if (rng.chance(0.15)) addCreditEvaluation(b);
    if (kind === 'enterprise' && rng.chance(0.5)) addTaxCredit(b, 0);
    if (rng.chance(0.06)) addAbnormalOperation(b, rng.chance(0.7));
    if (rng.chance(0.05)) addBlackList(b);
    const code = legacy ? registrationNo! : creditCodeOf(deptType, region.code, organisationBody(index));
    yield {
      subject: {
        kind: 'entity',
        idNumber: code,
        name,
        gender: null,
        birthDate: null,
        legalRepresentative,
        regionCode: region.code,
        centralId,
        version: 1,
        registration: registrationFor(b, kind, established, registrationNo, legalRepIdNumber(region.code, index)),
      },
      records: b.records,
      listEntries: b.listEntries,
    };
  }
}

const KIND_NAMES: Record<EntityType, string> = {
  enterprise: '有限责任公司', individual_business: '个体工商户', farmers_coop: '农民专业合作社', social_organisation: '社会团体', institution: '事业单位', other: '其他',
};

/** Eight characters of an organisation code, unique per index: an affine map coprime to 10⁸ is a bijection on 8-digit numbers. */
function organisationBody(index: number): string {
  return String((index * 48271 + 13579) % 100_000_000).padStart(8, '0');
}
