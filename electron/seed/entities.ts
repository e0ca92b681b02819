// A few legal entities (individual-business-sized companies) with valid unified social credit
// codes, so screens and reports exercise the entity path. Same determinism contract as persons:
// a pure function of (seed, index), on its own stream so it never perturbs the persons.
import type { SubjectBundle } from '../../shared/domain/population';
import { SubjectBuilder } from './builder';
import { usccFor } from './idNumbers';
import { personName } from './names';
import { addBlackList, addPenalty } from './negatives';
import { hashSeed, Rng } from './prng';
import { addLicence } from './records';
import { REGIONS } from './regions';
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

export function* generateEntities(opts: EntityOptions): Generator<SubjectBundle> {
  const seedHash = hashSeed(opts.seed);
  const prefix = opts.centralIdPrefix ?? '';
  const start = opts.startIndex ?? 0;
  for (let index = start; index < start + opts.entities; index++) {
    const rng = Rng.forIndex(seedHash, index, ENTITY_STREAM);
    const region = rng.pick(REGIONS);
    const trade = rng.pick(TRADE_NAMES) + rng.pick(TRADE_NAMES);
    const name = `${region.city.replace(/市$/, '')}${trade}${rng.pick(INDUSTRIES)}有限公司`;
    const legalRepresentative = personName(rng, rng.chance(0.7) ? 'M' : 'F');
    const centralId = `${prefix}E${index}`;
    const b = new SubjectBuilder(rng, region, name, null, opts.today, centralId, `${prefix}ER${index}-`, `${prefix}EL${index}-`);
    const established = b.dateWithin(20, 60);
    b.add({
      category: 'basic',
      domain: 'market',
      title: '企业登记信息',
      content: `企业类型：有限责任公司（自然人投资或控股）；法定代表人：${legalRepresentative}；成立日期：${established}`,
      providerUnit: `${region.city}${region.county}市场监督管理局`,
      documentNo: noticeNo(rng, region, '市监登字', Number(established.slice(0, 4))),
      decidedOn: established,
      publicityEnd: null,
    });
    for (let k = rng.int(1, 3); k > 0; k--) addLicence(b, true);
    for (let k = rng.int(0, 3); k > 0; k--) addPenalty(b);
    if (rng.chance(0.05)) addBlackList(b);
    yield {
      subject: {
        kind: 'entity',
        idNumber: usccFor(index, region.code),
        name,
        gender: null,
        birthDate: null,
        legalRepresentative,
        regionCode: region.code,
        centralId,
        version: 1,
      },
      records: b.records,
      listEntries: b.listEntries,
    };
  }
}
