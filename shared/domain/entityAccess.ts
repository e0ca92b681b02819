// Who may ask for an entity's report, and for which (issue 24; domain-rules.md, "Legal entities").

/**
 * The reports of an entity a letter of authorization can cover: the full public credit report
 * (法人和非法人组织公共信用信息报告) and the special report (专项信用报告). An entity agent's letter
 * names these as its scope; the visit records which one was asked for.
 */
export const ENTITY_REPORT_KINDS = ['full', 'special'] as const;
export type EntityReportKind = (typeof ENTITY_REPORT_KINDS)[number];

/** How the counter found the entity: by its unified social credit code, or by the old registration number with the clerk's confirmation. */
export type EntityFoundBy = 'credit_code' | 'registration_no';

/** An old registration number (注册号: 13 or 15 digits, some regions' letters), as the platform normalises it and the counter folds what is typed. */
export const REGISTRATION_NO = /^[0-9A-Z]{6,20}$/;
