// Real county-level address codes (GB/T 2260). They form the first six digits of generated ID
// numbers and name the provider units. Shandong districts weigh more because the demo office and
// the regional rule profiles are Shandong-first; 440524 (former 潮阳县) is kept because it is the
// example in GB 11643 and ID numbers keep the code of the place of first registration.

export interface Region {
  code: string;
  /** Province abbreviation used in court case numbers: （2025）鲁0303执1234号. */
  provinceShort: string;
  /** Prefecture-level city, or the municipality itself (北京市). */
  city: string;
  /** One-character city abbreviation used in document numbers: 淄市监罚〔2025〕12号. */
  cityShort: string;
  county: string;
  weight: number;
}

const R = (code: string, provinceShort: string, city: string, cityShort: string, county: string, weight = 1): Region => ({
  code,
  provinceShort,
  city,
  cityShort,
  county,
  weight,
});

export const REGIONS: readonly Region[] = [
  R('110101', '京', '北京市', '京', '东城区'),
  R('110105', '京', '北京市', '京', '朝阳区'),
  R('110108', '京', '北京市', '京', '海淀区'),
  R('310104', '沪', '上海市', '沪', '徐汇区'),
  R('310115', '沪', '上海市', '沪', '浦东新区'),
  R('330106', '浙', '杭州市', '杭', '西湖区'),
  R('330108', '浙', '杭州市', '杭', '滨江区'),
  R('330203', '浙', '宁波市', '甬', '海曙区'),
  R('320102', '苏', '南京市', '宁', '玄武区'),
  R('370102', '鲁', '济南市', '济', '历下区', 2),
  R('370105', '鲁', '济南市', '济', '天桥区', 2),
  R('370202', '鲁', '青岛市', '青', '市南区', 2),
  R('370211', '鲁', '青岛市', '青', '黄岛区', 2),
  R('370302', '鲁', '淄博市', '淄', '淄川区', 3),
  R('370303', '鲁', '淄博市', '淄', '张店区', 4),
  R('370304', '鲁', '淄博市', '淄', '博山区', 2),
  R('370305', '鲁', '淄博市', '淄', '临淄区', 3),
  R('370306', '鲁', '淄博市', '淄', '周村区', 2),
  R('370602', '鲁', '烟台市', '烟', '芝罘区'),
  R('370702', '鲁', '潍坊市', '潍', '潍城区'),
  R('410102', '豫', '郑州市', '郑', '中原区'),
  R('410105', '豫', '郑州市', '郑', '金水区'),
  R('420106', '鄂', '武汉市', '汉', '武昌区'),
  R('440104', '粤', '广州市', '穗', '越秀区'),
  R('440106', '粤', '广州市', '穗', '天河区'),
  R('440305', '粤', '深圳市', '深', '南山区'),
  R('440524', '粤', '汕头市', '汕', '潮阳县'),
  R('350203', '闽', '厦门市', '厦', '思明区'),
  R('510104', '川', '成都市', '蓉', '锦江区'),
  R('510107', '川', '成都市', '蓉', '武侯区'),
  R('610113', '陕', '西安市', '西', '雁塔区'),
];

export function regionByCode(code: string): Region | undefined {
  return REGIONS.find((r) => r.code === code);
}

/** Municipalities have no separate prefecture name: 北京市朝阳区, not 北京市北京市朝阳区. */
export function countyFullName(region: Region): string {
  return `${region.city}${region.county}`;
}

const PROVINCES: Record<string, string> = {
  京: '北京市',
  沪: '上海市',
  浙: '浙江省',
  苏: '江苏省',
  鲁: '山东省',
  豫: '河南省',
  鄂: '湖北省',
  粤: '广东省',
  闽: '福建省',
  川: '四川省',
  陕: '陕西省',
};

export function provinceName(region: Region): string {
  return PROVINCES[region.provinceShort] ?? region.city;
}
