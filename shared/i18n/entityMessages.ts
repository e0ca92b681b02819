import type { ErrorCode } from '../errors';

// The counter's refusals for a legal entity (issue 24), one plain sentence each in both languages.

type Sentence = { zh: string; en: string };

export const ENTITY_MESSAGES: Partial<Record<ErrorCode, Sentence>> = {
  ENTITY_NAME_MISMATCH: {
    zh: '名称与该统一社会信用代码（或注册号）登记的名称不一致，请核对营业执照上的名称。',
    en: 'The name does not match the name registered under this credit code (or registration number). Check the name on the business licence.',
  },
  LEGAL_REP_MISMATCH: {
    zh: '来办理的人与该主体登记的法定代表人（负责人）姓名或身份证号码不一致：请核对其身份证；如不是法定代表人本人，须持单位盖章的授权委托书按经办人办理。',
    en: "The person at the counter is not the entity's registered legal representative (name or ID number differ): check their ID card; anyone else needs the entity's stamped letter of authorization and is served as an agent.",
  },
  LICENCE_NOT_SIGHTED: {
    zh: '法定代表人本人办理须出示营业执照（或登记证书）：请查验后勾选“已查验营业执照”。',
    en: 'A legal representative in person must show the business licence (or registration certificate): check it, then tick “Business licence checked”.',
  },
  AUTHORIZATION_OUT_OF_SCOPE: {
    zh: '授权委托书载明的授权事项不包括申请的这种报告，不能代为申请。',
    en: 'The letter of authorization does not cover the report asked for, so the agent cannot apply for it.',
  },
  LEGACY_CONFIRMATION_REQUIRED: {
    zh: '按注册号查询没有统一社会信用代码的主体，须由受理员核对原营业执照上的名称和注册号后确认。',
    en: 'An entity without a unified social credit code is looked up by its registration number only after the clerk has checked the name and number on the old licence and confirmed it.',
  },
};
