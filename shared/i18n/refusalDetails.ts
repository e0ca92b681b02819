// What exactly is wrong inside a malformed header, manifest, keyring or content file, in both
// languages (issue 29: Chinese refusals carried English detail such as "category must be one
// of…"). A refusal names its detail by a code (params.detail) with that detail's own parameters,
// never by a sentence: the sentence is made here, in the clerk's language, also when a stored
// refusal is read back later. Field names, values from the file and file names appear quoted
// (“category”), as they are written in the file, so that IT staff can find them.

import type { Locale } from './errorMessages';
import { sentences as d, type Params, type Sentences } from './sentences';

/** A field name or a value from the file, as Chinese text quotes it. */
export const q = (v: string | number | undefined): string => `“${String(v ?? '')}”`;
/** A comma-separated list of names, each quoted, joined the Chinese way. */
const qList = (v: string | number | undefined): string => String(v ?? '').split(/,\s*/).filter(Boolean).map(q).join('、');

export const REFUSAL_DETAILS = {
  // JSON itself (jsonLimits.ts), wherever it is read.
  json_syntax: d(
    (p) => (p.offset === undefined ? '不是有效的 JSON' : `不是有效的 JSON（第 ${Number(p.offset) + 1} 个字符处）`),
    (p) => (p.offset === undefined ? 'not valid JSON' : `not valid JSON at offset ${p.offset}`),
  ),
  json_utf8: d(() => '不是有效的 UTF-8 文本', () => 'not valid UTF-8'),
  json_too_deep: d(() => '嵌套层数过多', () => 'nested too deeply'),
  json_too_long: d(() => '含有过长的文本', () => 'holds a text that is too long'),
  json_duplicate_key: d((p) => `键${q(p.key)}出现了两次`, (p) => `duplicate key "${p.key}"`),

  // The signed header (header.ts) and its framing (container.ts).
  header_not_object: d(() => '文件头不是 JSON 对象', () => 'the header must be an object'),
  field_not_object: d((p) => `字段${q(p.field)}应为 JSON 对象`, (p) => `${p.field} must be an object`),
  field_keys: d((p) => `字段${q(p.field)}只能含有 ${qList(p.keys)}`, (p) => `${p.field} must have exactly ${p.keys}`),
  field_form: d((p) => `字段${q(p.field)}缺失或格式不对`, (p) => `${p.field} is missing or has the wrong form`),
  field_int: d((p) => `字段${q(p.field)}应为不小于 ${p.min} 的整数`, (p) => `${p.field} must be an integer ≥ ${p.min}`),
  field_time: d((p) => `字段${q(p.field)}不是有效的时间`, (p) => `${p.field} is not a valid time`),
  crit_list: d(() => `字段${q('crit')}应为非空的名称列表`, () => 'crit must be a non-empty list of names'),
  header_format: d(() => `字段${q('format')}应为${q('creditdesk-bundle')}`, () => 'format must be "creditdesk-bundle"'),
  header_format_version: d((p) => `字段${q('formatVersion')}应为 ${p.version}`, (p) => `formatVersion must be ${p.version}`),
  purpose_unknown: d(() => `包的用途（字段${q('purpose')}）无法识别`, () => 'purpose is not known'),
  encryption_unsupported: d(() => '加密算法或分段大小不受支持', () => 'encryption algorithm or chunk size is not supported'),
  expires_before_created: d(() => `过期时间${q('expiresAt')}必须晚于生成时间${q('createdAt')}`, () => 'expiresAt must be after createdAt'),
  validity_too_long: d(() => '有效期过长', () => 'validity period is too long'),
  prev_hash_first: d(() => `只有第 1 号包的${q('prevHash')}为空，其余各号必须接续上一号包`, () => 'prevHash must be null exactly for sequence 1'),
  signature_count: d(() => '第 1 版格式的同步包只能带一个签名', () => 'format 1 carries exactly one signature'),

  // The inner archive and its manifest (archive.ts, manifest.ts).
  inner_unrecognised: d(() => '解密后的内容无法识别', () => 'the inner container is not recognised'),
  manifest_length: d(() => '清单长度超出范围', () => 'the manifest length is out of range'),
  entry_cut_short: d(() => '某个文件条目的头部不完整', () => 'an entry header is cut short'),
  manifest_not_object: d(() => '不是清单', () => 'not a manifest'),
  manifest_version: d((p) => `字段${q('manifestVersion')}应为 ${p.version}`, (p) => `manifestVersion must be ${p.version}`),
  manifest_other_bundle: d(() => '清单属于另一个同步包（内容被移植到了这个包里）', () => 'the manifest belongs to another bundle'),
  entry_not_object: d(() => '某个文件条目不是 JSON 对象', () => 'a file entry is not an object'),
  entry_name_missing: d(() => '某个文件条目没有文件名', () => 'a file name is missing'),
  entry_field: d((p) => `文件 ${p.file} 的${q(p.field)}无效`, (p) => `${p.field} of ${p.file} is invalid`),
  entry_encoding: d((p) => `文件 ${p.file} 的编码方式无法识别`, (p) => `encoding of ${p.file} is not known`),
  schema_differs: d((p) => `文件 ${p.file} 自身声明的格式与清单不一致`, (p) => `${p.file} declares a different schema than the manifest`),

  // The keyring document (keyring.ts).
  keyring_bundle_shape: d((p) => `密钥环包只能含有一个 ${p.file}，其中只有一份签名的密钥环`, (p) => `a keyring bundle holds exactly ${p.file} with one signed keyring`),
  keyring_not_signed: d(() => '不是签名的密钥环', () => 'not a signed keyring'),
  keyring_too_many_signatures: d(() => '签名过多', () => 'too many signatures'),
  keyring_not_object: d(() => '不是密钥环文件', () => 'not a keyring document'),
  keyring_version: d(() => `字段${q('version')}应为正整数`, () => 'version must be a positive integer'),
  keyring_issued_at: d(() => `字段${q('issuedAt')}应为时间`, () => 'issuedAt must be a time'),
  keyring_too_many_keys: d(() => '密钥过多', () => 'too many keys'),
  keyring_key_twice: d(() => '同一把密钥列出了两次', () => 'a key is listed twice'),
  keyring_threshold: d(() => `字段${q('rootThreshold')}应在 1 与有效根密钥数之间`, () => 'rootThreshold must be between 1 and the number of active root keys'),
  key_not_object: d(() => '某个密钥条目不是 JSON 对象', () => 'a key entry is not an object'),
  key_public_hex: d(() => `字段${q('publicKey')}应为 64 位十六进制数`, () => 'publicKey must be 64 hex digits'),
  key_id_mismatch: d(() => `密钥编号${q('keyId')}不是其公钥的 SHA-256（编号与公钥被调换）`, () => 'keyId is not the SHA-256 of the public key'),
  key_purpose_unknown: d((p) => `密钥用途${q(p.purpose)}无法识别`, (p) => `unknown key purpose ${p.purpose}`),
  key_algorithm: d((p) => `用途为${q(p.purpose)}的密钥必须是 ${p.want}`, (p) => `a ${p.purpose} key must be ${p.want}`),
  key_owner: d(() => `字段${q('owner')}无效`, () => 'owner is invalid'),
  key_status: d(() => `字段${q('status')}只能是${q('active')}或${q('revoked')}`, () => 'status must be active or revoked'),

  // Content files: the envelope line (jsonLines.ts) and the record shapes (content/schemas.ts).
  envelope_shape: d(() => `第一行应为 {"schema","schemaVersion","records"}`, () => 'the first line must be {"schema","schemaVersion","records"}'),
  file_empty: d(() => '文件是空的', () => 'the file is empty'),
  record_not_object: d(() => '记录不是 JSON 对象', () => 'a record must be an object'),
  field_unknown: d((p) => `含有格式中没有的字段${q(p.field)}`, (p) => `unknown field "${p.field}"`),
  field_missing: d((p) => `缺少字段${q(p.field)}`, (p) => `field "${p.field}" is missing`),
  field_text: d((p) => `字段${q(p.field)}应为 ${p.min}–${p.max} 个字符的文本`, (p) => `${p.field} must be text of ${p.min}–${p.max} characters`),
  field_text_only: d((p) => `字段${q(p.field)}应为文本`, (p) => `${p.field} must be text`),
  field_wrong_form: d((p) => `字段${q(p.field)}格式不对`, (p) => `${p.field} has the wrong form`),
  field_one_of: d((p) => `字段${q(p.field)}只能是 ${qList(p.values)} 之一`, (p) => `${p.field} must be one of ${p.values}`),
  field_bool: d((p) => `字段${q(p.field)}只能是${q('true')}或${q('false')}`, (p) => `${p.field} must be true or false`),
  field_list: d((p) => `字段${q(p.field)}应为列表`, (p) => `${p.field} must be a list`),
  calendar_days_list: d((p) => `字段${q('days')}应为至多 ${p.max} 天的列表`, (p) => `days must be a list of at most ${p.max} days`),
  day_outside_year: d((p) => `${p.date} 不在 ${p.year} 年内`, (p) => `day ${p.date} is not in ${p.year}`),
  pem_public_key: d(() => `字段${q('publicKeyPem')}应为 PEM 格式的公钥`, () => 'publicKeyPem must be a PEM public key'),

  // Rules across a bundle's files (office/updateContent.ts, office/verifyUpdate.ts).
  file_schema: d((p) => `文件 ${p.file} 只能含有格式${q(p.schema)}的数据`, (p) => `${p.file} must hold schema ${p.schema}`),
  file_order: d(() => '平台文件须按措施、主体、信用记录、名单记录的顺序排列', () => 'platform files must come in the order measures, subjects, records, list entries'),
  profile_invalid: d((p) => `规则配置${q(p.profile)}无效`, (p) => `rule profile ${p.profile} is not valid`),
  calendar_not_consecutive: d(() => '节假日安排的年份必须连续', () => 'the calendar years must be consecutive'),
  calendar_gap: d(
    (p) => `${p.from}–${p.to} 年的节假日安排与本窗口已有的 ${p.storedFrom}–${p.storedTo} 年之间缺少年份`,
    (p) => `Calendar update ${p.from}–${p.to} leaves a gap after the stored ${p.storedFrom}–${p.storedTo}`,
  ),
  calendar_day_conflict: d((p) => `${p.date} 既列为放假又列为上班`, (p) => `${p.date} is listed both as a holiday and as a working day`),
  calendar_inconsistent: d(() => '节假日安排不能构成一份一致的工作日历', () => 'the holiday arrangement does not make one consistent working calendar'),
} satisfies Record<string, Sentences>;

export type DetailCode = keyof typeof REFUSAL_DETAILS;

/** Parameters of a refusal that names its detail: the code and the detail's own values. */
export function detail(code: DetailCode, params: Params = {}): Params {
  return { ...params, detail: code };
}

export function isDetailCode(v: unknown): v is DetailCode {
  return typeof v === 'string' && Object.hasOwn(REFUSAL_DETAILS, v);
}

/**
 * The detail's sentence. A refusal stored by an older version carries an English sentence instead
 * of a code: English readers get it as it was, Chinese readers a plain phrase rather than English.
 */
export function detailText(p: Params, locale: Locale): string {
  if (isDetailCode(p.detail)) return REFUSAL_DETAILS[p.detail][locale](p);
  return locale === 'en' ? String(p.detail ?? '') : '内容不符合规定';
}
