import type { EntityReportSection } from '../domain/record';
import type { EntityType, OperatingStatus } from '../domain/subject';

// The names of an entity's report sections, kinds and registration states (issue 24), said once
// for the printed reports (electron/report) and the counter's screen alike.

type Bi = readonly [zh: string, en: string];

export const ENTITY_SECTION_TITLES: Record<EntityReportSection, Bi> = {
  registration: ['登记基础信息', 'Registration basics'],
  licences: ['行政许可信息', 'Administrative licences'],
  penalties: ['行政处罚信息', 'Administrative penalties'],
  enforcement: ['行政强制信息', 'Administrative enforcement'],
  serious_dishonesty: ['严重失信主体名单信息（含联合惩戒措施）', 'Serious-dishonesty lists and their joint measures'],
  abnormal_operation: ['经营异常名录信息', 'Abnormal-operation lists'],
  judicial: ['司法判决及执行信息（含失信被执行人）', 'Judicial judgments and enforcement (dishonest judgment debtors)'],
  tax_credit: ['纳税信用等级信息', 'Tax credit level'],
  contract_performance: ['合同履约信息', 'Contract performance'],
  credit_commitment: ['信用承诺及履约信息', 'Credit commitments and their fulfilment'],
  credit_evaluation: ['信用评价信息', 'Credit evaluations'],
  honours: ['表彰荣誉及守信激励（红名单）信息', 'Honours and red lists'],
  other: ['其他信息', 'Other records'],
};

/** The two reports an entity's visit asks for, named as their titles. */
export const ENTITY_REPORT_KIND_LABELS: Record<'full' | 'special', Bi> = {
  full: ['公共信用信息报告', 'Public credit report'],
  special: ['专项信用报告', 'Special credit report'],
};

/**
 * A special report's fields by their code, as any office names them: a report from another office
 * is verified without its rule profile, and the audit log names the fields a report covered.
 */
export const SPECIAL_FIELD_LABELS: Record<string, Bi> = {
  market_regulation: ['市场监管', 'Market regulation'], tax: ['税务', 'Tax'], environment: ['生态环境', 'Environment'], work_safety: ['安全生产', 'Work safety'],
  civil_social_security: ['民政和社会保障', 'Civil affairs and social security'], housing_construction: ['住房和城乡建设', 'Housing and construction'],
  transport: ['交通运输', 'Transport'], health: ['卫生健康', 'Health'], education: ['教育', 'Education'], finance: ['金融', 'Finance'], judicial: ['司法', 'Judicial'],
};

/** One language's names of SPECIAL_FIELD_LABELS, for the renderer's dictionaries. */
export const specialFieldNames = (lang: 0 | 1): Record<string, string> => Object.fromEntries(Object.entries(SPECIAL_FIELD_LABELS).map(([k, v]) => [k, v[lang]]));

export const ENTITY_TYPE_LABELS: Record<EntityType, Bi> = {
  enterprise: ['企业', 'enterprise'],
  individual_business: ['个体工商户', 'individual business'],
  farmers_coop: ['农民专业合作社', "farmers' cooperative"],
  social_organisation: ['社会组织', 'social organisation'],
  institution: ['机关、事业单位', 'public institution'],
  other: ['其他组织', 'other organisation'],
};

export const OPERATING_STATUS_LABELS: Record<OperatingStatus, Bi> = {
  subsisting: ['存续', 'subsisting'],
  operating: ['在业', 'operating'],
  suspended: ['停业', 'suspended'],
  liquidating: ['清算', 'in liquidation'],
  moved_out: ['迁出', 'moved out'],
  revoked: ['吊销', 'licence revoked'],
  deregistered: ['注销', 'deregistered'],
};
