// The first two characters of a unified social credit code: the department that registered the
// organisation and the kind of organisation within it (GB 32100-2015, appendix A, with the
// departments added since: A for the Central Military Commission's establishment office, N for
// agriculture's collective economic organisations). The table is national, not regional, so it
// lives here rather than in a rule profile. docs/reports.md says what is unsure: a department
// missing here is refused at the counter and only warned of in platform records, so a real
// registration the table does not know yet still arrives from the platform.

export interface InstitutionTypeName {
  zh: string;
  en: string;
}

export interface RegistrationDepartment {
  zh: string;
  en: string;
  types: Readonly<Record<string, InstitutionTypeName>>;
}

const other: InstitutionTypeName = { zh: '其他', en: 'other' };

export const REGISTRATION_DEPARTMENTS: Readonly<Record<string, RegistrationDepartment>> = {
  '1': {
    zh: '机构编制',
    en: 'institutional establishment',
    types: {
      '1': { zh: '机关', en: 'government body' },
      '2': { zh: '事业单位', en: 'public institution' },
      '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'mass organisation under the central establishment office' },
      '9': other,
    },
  },
  '2': { zh: '外交', en: 'foreign affairs', types: { '1': { zh: '外国常驻新闻机构', en: 'resident foreign news agency' }, '9': other } },
  '3': {
    zh: '司法行政',
    en: 'judicial administration',
    types: {
      '1': { zh: '律师执业机构', en: 'law firm' },
      '2': { zh: '公证处', en: 'notary office' },
      '3': { zh: '基层法律服务所', en: 'grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'arbitration commission' },
      '9': other,
    },
  },
  '4': { zh: '文化', en: 'culture', types: { '1': { zh: '外国在华文化中心', en: 'foreign cultural centre in China' }, '9': other } },
  '5': {
    zh: '民政',
    en: 'civil affairs',
    types: {
      '1': { zh: '社会团体', en: 'social organisation' },
      '2': { zh: '民办非企业单位', en: 'private non-enterprise unit' },
      '3': { zh: '基金会', en: 'foundation' },
      '9': other,
    },
  },
  '6': {
    zh: '旅游',
    en: 'tourism',
    types: {
      '1': { zh: '外国旅游部门常驻代表机构', en: 'representative office of a foreign tourism authority' },
      '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'representative office of a Hong Kong, Macao or Taiwan tourism authority' },
      '9': other,
    },
  },
  '7': { zh: '宗教', en: 'religious affairs', types: { '1': { zh: '宗教活动场所', en: 'place of religious activity' }, '2': { zh: '宗教院校', en: 'religious college' }, '9': other } },
  '8': { zh: '工会', en: 'trade unions', types: { '1': { zh: '基层工会', en: 'grassroots trade union' }, '9': other } },
  '9': {
    zh: '市场监督管理',
    en: 'market regulation',
    types: {
      '1': { zh: '企业', en: 'enterprise' },
      '2': { zh: '个体工商户', en: 'individual business' },
      '3': { zh: '农民专业合作社', en: "farmers' cooperative" },
    },
  },
  A: { zh: '中央军委改革和编制办公室', en: 'Central Military Commission establishment office', types: { '1': { zh: '军队事业单位', en: 'military public institution' }, '9': other } },
  N: {
    zh: '农业农村',
    en: 'agriculture and rural affairs',
    types: {
      '1': { zh: '组级集体经济组织', en: 'group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'township-level collective economic organisation' },
      '9': other,
    },
  },
  Y: { zh: '其他', en: 'other', types: { '1': other } },
};
