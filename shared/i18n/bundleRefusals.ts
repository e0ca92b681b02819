// The bundle format's refusals (electron/sync/bundle): each a stable code (for audit events and
// tests) with a sentence a clerk can act on in both languages (bundle-security.md property 12).
// Codes never change meaning. Part of the one error catalogue (errorMessages.ts).

import { BUNDLE_PURPOSE_WORDS } from './bundleChannel';
import { detailText, q } from './refusalDetails';
import { sentences as m, type Params, type Sentences } from './sentences';

/** "a keyring" / "an export": the article that goes with a quoted word. */
export const an = (word: string | number | undefined): string => `${/^[aeiou]/i.test(String(word)) ? 'an' : 'a'} "${String(word)}"`;

/**
 * Where in a JSON-lines file: line 1 is the envelope, so line n + 1 holds record n. A clerk or
 * an IT person counts records, not the envelope; the line is kept for an editor's "go to line".
 */
export const whereEn = (line: string | number | undefined): string => (Number(line) <= 1 ? `line 1 (the envelope line)` : `record ${Number(line) - 1} (line ${String(line)})`);
export const whereZh = (line: string | number | undefined): string => (Number(line) <= 1 ? '第 1 行（文件头）' : `第 ${Number(line) - 1} 条记录（第 ${String(line)} 行）`);

// The words the format uses for bundle and key purposes, as a Chinese sentence names them (bundle
// purposes from shared/i18n/bundleChannel.ts, which the setup screen uses too). English
// sentences keep the format's own words ("an "export" bundle"), which are what IT staff see in files.
const KEY_PURPOSE_ZH: Record<string, string> = {
  'keyring-root': '密钥环根密钥', 'platform-update-signing': '平台更新签名', 'office-export-signing': '窗口导出签名',
  'platform-encryption': '平台加密', 'office-encryption': '窗口加密',
};
/** A bundle purpose in Chinese; an unknown word from a file stays quoted as written. */
export const purposeZh = (v: string | number | undefined): string => BUNDLE_PURPOSE_WORDS[String(v)]?.zh ?? q(v);
const keyPurposeZh = (v: string | number | undefined): string => KEY_PURPOSE_ZH[String(v)] ?? q(v);
const UNIT_ZH: Record<string, string> = { files: '个文件', bytes: '字节', records: '条记录' };
/** "256 files": a cap and its unit (params limit and unit); older refusals stored both in limit. */
const limitZh = (p: Params): string => (p.unit === undefined ? String(p.limit) : `${p.limit} ${UNIT_ZH[String(p.unit)] ?? p.unit}`);
const limitEn = (p: Params): string => (p.unit === undefined ? String(p.limit) : `${p.limit} ${p.unit}`);
/** A critical feature: the reserved flags of the preamble ("flags 0x4"), or a name the header lists. */
const criticalZh = (v: string | number | undefined): string => {
  const flags = /^flags (0x[0-9a-f]+)$/.exec(String(v));
  return flags ? `（文件头标志位 ${flags[1]}）` : q(v);
};

export const BUNDLE_MESSAGES = {
  BUNDLE_EMPTY: m(() => '文件是空的，请重新拷贝。', () => 'The file is empty; copy it again.'),
  BUNDLE_TOO_LARGE: m((p) => `文件过大（上限 ${p.limit} 字节），不是有效的同步包。`, (p) => `The file is larger than the ${p.limit}-byte limit; it is not a valid bundle.`),
  BUNDLE_BAD_MAGIC: m(() => '这不是信用同步包文件。', () => 'This is not a CreditDesk bundle file.'),
  BUNDLE_UNSUPPORTED_VERSION: m((p) => `同步包格式版本 ${p.version} 不受支持，请升级本软件。`, (p) => `Bundle format version ${p.version} is not supported; update CreditDesk.`),
  BUNDLE_HEADER_TOO_LARGE: m(() => '同步包头部长度异常，文件已损坏或被篡改。', () => 'The bundle header length is out of range; the file is damaged or tampered with.'),
  BUNDLE_TRUNCATED: m(() => '同步包不完整（文件被截断），请重新拷贝。', () => 'The bundle is incomplete (truncated); copy it again.'),
  BUNDLE_TRAILING_DATA: m(() => '同步包末尾有多余数据，文件已被改动。', () => 'The bundle has extra bytes at the end; the file was altered.'),
  // The length field of the preamble does not frame the signed header (a flipped length byte):
  // said as such, not read as a signature count or a cut-off file.
  BUNDLE_HEADER_LENGTH_MISMATCH: m(
    () => '同步包开头记录的文件头长度与文件头不符（长度字段被改动），文件已损坏或被篡改，请重新拷贝。',
    () => 'The header length recorded at the start of the bundle does not match its header (the length field was altered); the file is damaged or tampered with. Copy it again.',
  ),
  BUNDLE_HEADER_MALFORMED: m((p) => `同步包头部格式错误：${detailText(p, 'zh')}。`, (p) => `The bundle header is malformed: ${detailText(p, 'en')}`),
  BUNDLE_HEADER_DUPLICATE_KEY: m((p) => `同步包头部字段“${p.key}”重复，文件已被篡改。`, (p) => `The bundle header repeats the field "${p.key}"; the file was tampered with.`),
  BUNDLE_UNKNOWN_CRITICAL: m((p) => `同步包要求本软件不支持的功能${criticalZh(p.field)}，请升级本软件。`, (p) => `The bundle requires a feature this version does not know ("${p.field}"); update CreditDesk.`),
  BUNDLE_SIGNATURE_MISSING: m(() => '同步包没有签名，不能导入。', () => 'The bundle is not signed; it cannot be imported.'),
  BUNDLE_SIGNATURE_INVALID: m(() => '同步包签名无效，文件已被篡改或损坏。', () => 'The bundle signature is invalid; the file was tampered with or damaged.'),
  BUNDLE_KEY_UNKNOWN: m((p) => `同步包由未登记的密钥 ${p.fingerprint} 签名，不能信任。`, (p) => `The bundle was signed by key ${p.fingerprint}, which is not in this office's keyring.`),
  BUNDLE_KEY_REVOKED: m((p) => `签名密钥 ${p.fingerprint} 已被吊销，不能导入。`, (p) => `The signing key ${p.fingerprint} has been revoked; the bundle cannot be imported.`),
  BUNDLE_KEY_WRONG_PURPOSE: m((p) => `签名密钥的用途是“${keyPurposeZh(p.actual)}”，不能签${purposeZh(p.purpose)}包。`, (p) => `The signing key is for "${p.actual}" and may not sign ${an(p.purpose)} bundle.`),
  BUNDLE_PAYLOAD_TYPE_MISMATCH: m(() => '签名针对的是另一种文件类型，不能导入。', () => 'The signature was made for a different kind of document; the bundle cannot be imported.'),
  BUNDLE_KEY_HINT_MISMATCH: m(() => '同步包标注的签名密钥与实际签名的密钥不一致，文件已被改动。', () => 'The signing key named in the bundle file is not the key that signed it; the file was altered.'),
  BUNDLE_SIGNER_MISMATCH: m(() => '同步包声称的发送方与实际签名者不一致。', () => 'The sender named in the bundle is not the key that signed it.'),
  BUNDLE_KEYRING_OUTDATED: m((p) => `同步包使用第 ${p.version} 版密钥环，本机为第 ${p.local} 版；请先导入密钥环更新包。`, (p) => `The bundle uses keyring version ${p.version} but this office has ${p.local}; import the keyring update first.`),
  BUNDLE_KEYRING_MALFORMED: m((p) => `密钥环文件格式错误：${detailText(p, 'zh')}。`, (p) => `The keyring document is malformed: ${detailText(p, 'en')}`),
  BUNDLE_KEYRING_UNSIGNED_BY_CURRENT: m((p) => `新密钥环未获得现有第 ${p.version} 版密钥环足够的签名（需要 ${p.threshold} 个）。`, (p) => `The new keyring lacks enough signatures from the current keyring version ${p.version} (${p.threshold} needed).`),
  BUNDLE_KEYRING_UNSIGNED_BY_NEW: m((p) => `新密钥环未获得其自身根密钥足够的签名（需要 ${p.threshold} 个）。`, (p) => `The new keyring lacks enough signatures from its own root keys (${p.threshold} needed).`),
  BUNDLE_KEYRING_VERSION_JUMP: m((p) => `密钥环版本跳跃：本机为第 ${p.local} 版，收到第 ${p.version} 版；请先导入第 ${p.next} 版。`, (p) => `Keyring version jump: this office has ${p.local}, the bundle carries ${p.version}; import version ${p.next} first.`),
  BUNDLE_KEYRING_ROLLBACK: m((p) => `密钥环第 ${p.version} 版不比本机第 ${p.local} 版新，已拒绝。`, (p) => `Keyring version ${p.version} is not newer than this office's version ${p.local}; refused.`),
  BUNDLE_WRONG_PURPOSE: m((p) => `这是${purposeZh(p.actual)}包，此处需要${purposeZh(p.expected)}包。`, (p) => `This is ${an(p.actual)} bundle; ${an(p.expected)} bundle is needed here.`),
  BUNDLE_RECIPIENT_MISMATCH: m((p) => `此同步包是发给 ${p.recipient}${p.recipientName ? `（${p.recipientName}）` : ''} 的，不是本单位的。`, (p) => `This bundle was made for office ${p.recipient}${p.recipientName ? ` (${p.recipientName})` : ''}, not this office.`),
  BUNDLE_RECIPIENT_KEY_MISMATCH: m((p) => `此同步包加密给了本单位的另一把密钥 ${p.fingerprint}，请让平台用当前密钥重发。`, (p) => `This bundle was encrypted to another key of this office (${p.fingerprint}); ask the platform to send it again.`),
  BUNDLE_ALREADY_IMPORTED: m((p) => `第 ${p.sequence} 号同步包已经导入过，没有任何改动。`, (p) => `Bundle ${p.sequence} was already imported; nothing changed.`),
  BUNDLE_REPLAY: m((p) => `第 ${p.sequence} 号同步包比已导入的第 ${p.last} 号旧，已拒绝。`, (p) => `Bundle ${p.sequence} is older than bundle ${p.last}, which is already imported; refused.`),
  BUNDLE_EQUIVOCATION: m((p) => `警告：收到内容不同的第 ${p.sequence} 号同步包，请立即联系平台。`, (p) => `Warning: a different bundle ${p.sequence} was already imported; contact the platform now.`),
  BUNDLE_SEQUENCE_GAP: m((p) => `缺少第 ${p.missing} 号同步包，请先导入。`, (p) => `Bundle ${p.missing} is missing; import it first.`),
  BUNDLE_PREV_HASH_MISMATCH: m((p) => `第 ${p.sequence} 号同步包与已导入的上一个包不衔接，请联系平台。`, (p) => `Bundle ${p.sequence} does not follow the bundle already imported; contact the platform.`),
  BUNDLE_EXPIRED: m((p) => `同步包已于 ${p.expiresAt} 过期，请向平台索取新包。`, (p) => `The bundle expired at ${p.expiresAt}; ask the platform for a new one.`),
  BUNDLE_FROM_FUTURE: m((p) => `同步包的生成时间 ${p.createdAt} 在未来，请检查本机时钟或联系平台。`, (p) => `The bundle claims to be made at ${p.createdAt}, in the future; check this computer's clock or contact the platform.`),
  BUNDLE_CIPHERTEXT_HASH_MISMATCH: m(() => '同步包加密内容与签名不符，文件已被篡改或损坏。', () => 'The encrypted content does not match the signature; the file was tampered with or damaged.'),
  BUNDLE_BAD_EPHEMERAL_KEY: m(() => '同步包的加密参数无效，文件已被篡改。', () => 'The bundle\'s encryption parameters are invalid; the file was tampered with.'),
  BUNDLE_KEY_CHECK_FAILED: m(() => '同步包不是用本单位的密钥加密的，无法解密。', () => 'The bundle was not encrypted to this office\'s key; it cannot be decrypted.'),
  BUNDLE_CHUNK_AUTH_FAILED: m((p) => `同步包第 ${p.chunk} 段数据校验失败，文件已被篡改或损坏。`, (p) => `Chunk ${p.chunk} of the bundle failed verification; the file was tampered with or damaged.`),
  BUNDLE_STREAM_TRUNCATED: m(() => '同步包缺少结尾数据段，文件不完整。', () => 'The bundle is missing its final chunk; the file is incomplete.'),
  BUNDLE_STREAM_AFTER_FINAL: m(() => '同步包在结尾段之后还有数据，文件已被改动。', () => 'The bundle has data after its final chunk; the file was altered.'),
  BUNDLE_MANIFEST_MALFORMED: m((p) => `同步包清单格式错误：${detailText(p, 'zh')}。`, (p) => `The bundle manifest is malformed: ${detailText(p, 'en')}`),
  BUNDLE_UNKNOWN_SCHEMA: m((p) => `文件 ${p.name} 的格式${q(p.schema)}第 ${p.version} 版不受支持，请升级本软件。`, (p) => `File ${p.name} uses ${p.schema} version ${p.version}, which this version does not support; update CreditDesk.`),
  BUNDLE_FILE_MISSING: m((p) => `清单列出的文件 ${p.name} 不在包内。`, (p) => `The manifest lists ${p.name}, but the bundle does not contain it.`),
  BUNDLE_FILE_UNLISTED: m((p) => `包内文件 ${p.name} 不在清单中。`, (p) => `The bundle contains ${p.name}, which the manifest does not list.`),
  BUNDLE_FILE_HASH_MISMATCH: m((p) => `文件 ${p.name} 的校验值与清单不符。`, (p) => `File ${p.name} does not match the hash in the manifest.`),
  BUNDLE_FILE_SIZE_MISMATCH: m((p) => `文件 ${p.name} 的大小与清单不符。`, (p) => `File ${p.name} is not the size the manifest declares.`),
  BUNDLE_FILE_TOO_LARGE: m((p) => `文件 ${p.name} 超过大小上限（${p.limit} 字节）。`, (p) => `File ${p.name} exceeds the ${p.limit}-byte limit.`),
  BUNDLE_CONTENT_TOO_LARGE: m((p) => `同步包内容超过上限（${limitZh(p)}）。`, (p) => `The bundle content exceeds the limit (${limitEn(p)}).`),
  BUNDLE_UNSAFE_PATH: m((p) => `包内文件名“${p.name}”不安全，已拒绝。`, (p) => `The file name "${p.name}" in the bundle is unsafe; refused.`),
  BUNDLE_BAD_FILE_NAME: m((p) => `包内文件名“${p.name}”不符合规定。`, (p) => `The file name "${p.name}" in the bundle is not allowed.`),
  BUNDLE_DUPLICATE_ENTRY: m((p) => `包内文件 ${p.name} 出现了两次。`, (p) => `The file ${p.name} appears twice in the bundle.`),
  BUNDLE_COMPRESSION_BOMB: m((p) => `文件 ${p.name} 解压后超过声明大小，已拒绝。`, (p) => `File ${p.name} expands beyond its declared size when decompressed; refused.`),
  BUNDLE_JSON_INVALID: m((p) => `文件 ${p.name} ${whereZh(p.line)}不是有效的数据：${detailText(p, 'zh')}。`, (p) => `File ${p.name}, ${whereEn(p.line)} is not valid data: ${detailText(p, 'en')}`),
  BUNDLE_JSON_TOO_DEEP: m((p) => `文件 ${p.name} ${whereZh(p.line)}嵌套层数过多。`, (p) => `File ${p.name}, ${whereEn(p.line)} is nested too deeply.`),
  BUNDLE_JSON_TOO_LONG: m((p) => `文件 ${p.name} ${whereZh(p.line)}的数据过长。`, (p) => `File ${p.name}, ${whereEn(p.line)} holds a value that is too long.`),
  BUNDLE_RECORD_COUNT_MISMATCH: m((p) => `文件 ${p.name} 的记录数与清单不符。`, (p) => `File ${p.name} does not hold the number of records the manifest declares.`),
} satisfies Record<string, Sentences>;
