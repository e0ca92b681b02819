// Provider units and decision document numbers. Names follow the post-2018 institutional reform
// (市场监督管理局, 应急管理局, 国家税务总局…税务局); document numbers follow the common pattern
// 〈place〉〈organ〉〈type〉〔year〕n号, and court case numbers use the province abbreviation with
// the court's region digits, as in （2025）鲁0303执1234号.
import type { RecordDomain } from '../../shared/domain/record';
import type { Rng } from './prng';
import type { Region } from './regions';

interface Organ {
  /** Unit name after the place name. */
  name: string;
  /** Abbreviation used in penalty document numbers. */
  penaltyTag: string;
}

const ORGANS: Record<RecordDomain, Organ> = {
  food_drug: { name: '市场监督管理局', penaltyTag: '市监食罚' },
  work_safety: { name: '应急管理局', penaltyTag: '应急罚' },
  tax: { name: '税务局', penaltyTag: '税稽罚' },
  transport: { name: '交通运输局', penaltyTag: '交运罚' },
  environment: { name: '生态环境局', penaltyTag: '环罚' },
  market: { name: '市场监督管理局', penaltyTag: '市监罚' },
  education: { name: '教育局', penaltyTag: '教罚' },
  health: { name: '卫生健康委员会', penaltyTag: '卫健罚' },
  housing: { name: '住房和城乡建设局', penaltyTag: '建罚' },
  finance: { name: '分行', penaltyTag: '银罚' },
  judicial: { name: '人民法院', penaltyTag: '执' },
  civil_affairs: { name: '民政局', penaltyTag: '民罚' },
};

const cityOnly = (domain: RecordDomain): boolean => domain === 'finance' || domain === 'environment';
const isMunicipality = (r: Region): boolean => r.city === '北京市' || r.city === '上海市';

/**
 * The unit that decided. County level for most day-to-day decisions; some domains decide at
 * city level only (the central bank has no county branches since the 2024 reform; ecology and
 * environment bureaus act through city-level branches).
 */
export function providerUnit(region: Region, domain: RecordDomain, countyLevel: boolean): string {
  const place = countyLevel && !cityOnly(domain) ? `${region.city}${region.county}` : region.city;
  switch (domain) {
    case 'tax':
      return `国家税务总局${place}税务局`;
    case 'finance':
      return `中国人民银行${region.city}分行`;
    case 'environment':
      return countyLevel ? `${region.city}生态环境局${region.county}分局` : `${region.city}生态环境局`;
    case 'judicial':
      return countyLevel ? `${place}人民法院` : `${region.city}中级人民法院`;
    case 'health':
      return isMunicipality(region) && !countyLevel ? `${region.city}卫生健康委员会` : `${place}卫生健康局`;
    default:
      return `${place}${ORGANS[domain].name}`;
  }
}

/** Place part of a document number: 淄 for the city, 张 for 张店区, 京朝 for 北京市朝阳区. */
function placeTag(region: Region, countyLevel: boolean, domain: RecordDomain): string {
  if (!countyLevel || cityOnly(domain)) return region.cityShort;
  const county = region.county.charAt(0);
  return isMunicipality(region) ? region.cityShort + county : county;
}

export function penaltyDocumentNo(rng: Rng, region: Region, domain: RecordDomain, countyLevel: boolean, year: number): string {
  return `${placeTag(region, countyLevel, domain)}${ORGANS[domain].penaltyTag}〔${year}〕${rng.int(1, 2400)}号`;
}

export function licenceDocumentNo(rng: Rng, region: Region, domain: RecordDomain, countyLevel: boolean, year: number): string {
  const tag = ORGANS[domain].penaltyTag.replace(/罚$/, '许');
  return `${placeTag(region, countyLevel, domain)}${tag}〔${year}〕${rng.int(1, 9000)}号`;
}

/** Court enforcement case number; 执 = enforcement, 执恢 = resumed enforcement. */
export function courtCaseNo(rng: Rng, region: Region, year: number): string {
  const kind = rng.chance(0.15) ? '执恢' : '执';
  return `（${year}）${region.provinceShort}${region.code.slice(2)}${kind}${rng.int(1, 12000)}号`;
}

/** Generic 〈place〉〈tag〉〔year〕n号 for notices, evaluations and list decisions. */
export function noticeNo(rng: Rng, region: Region, tag: string, year: number): string {
  return `${region.cityShort}${tag}〔${year}〕${rng.int(1, 300)}号`;
}
