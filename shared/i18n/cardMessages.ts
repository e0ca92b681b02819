import type { ApiErrorBody, ErrorCode } from '../errors';
import type { Locale } from './errorMessages';

// The ID card reader's states and the card's refusals (issue 25), one plain sentence each in both
// languages. Every sentence ends by keeping typed entry open: no reader state blocks the counter.

type Sentence = { zh: string; en: string };
const TYPE_INSTEAD = { zh: '也可以手工输入证件号码和姓名继续办理。', en: 'You can also type the number and name instead.' };

function withTyping(zh: string, en: string): Sentence {
  return { zh: `${zh}${TYPE_INSTEAD.zh}`, en: `${en} ${TYPE_INSTEAD.en}` };
}

export const CARD_MESSAGES: Partial<Record<ErrorCode, Sentence>> = {
  READER_ADDRESS_REFUSED: {
    zh: '读卡器服务地址只能是本机地址（127.0.0.1），设置中的地址已拒绝，未作任何连接。请管理员在设置中改为本机地址。',
    en: 'The card reader service may only be on this computer (127.0.0.1); the address in settings was refused and nothing was contacted. Ask the administrator to set a local address.',
  },
  READER_NOT_CONNECTED: withTyping('未检测到读卡器：请检查读卡器的数据线是否插好，指示灯是否亮起。', 'No card reader is connected: check its cable and that its light is on.'),
  READER_SERVICE_DOWN: withTyping('读卡器的驱动或读卡服务没有运行：请启动厂商的读卡服务程序（或请管理员安装），然后再试。', "The card reader's driver or service is not running: start the vendor's reader service (or ask the administrator to install it), then try again."),
  READER_NO_CARD: withTyping('读卡器上没有检测到证件：请将证件平放在感应区；如已放好，请拿起证件后重新放置再读。', 'No card on the reader: lay the card flat on it; if it is already there, lift it and place it again, then read.'),
  READER_CARD_UNREADABLE: withTyping('证件芯片无法读取：请擦拭证件后重新放置；仍读不出时，证件芯片可能已损坏。', "The card's chip could not be read: wipe the card and place it again; if it still fails, the chip may be damaged."),
  READER_TIMEOUT: withTyping('读卡超时：请拿起证件后重新放置，保持不动直到读卡完成。', 'Reading the card timed out: lift the card, place it again and keep it still until the read finishes.'),
  READER_BUSY: withTyping('读卡器正被另一个窗口或程序使用：请在那边完成或关闭后再读。', 'The card reader is in use by another window or program: finish or close it there, then read again.'),
  READER_PHOTO_CORRUPT: withTyping('证件照片读取不完整，无法比对人像：请拿起证件后重新放置再读。', "The card's photo came through damaged, so the face cannot be compared: lift the card, place it again and read."),
  CARD_INVALID: { zh: '证件信息未通过核验，不能作为本次办理的身份证件。', en: "The card's data did not pass the checks, so it cannot serve as the identity document for this visit." },
  CARD_EXPIRED: { zh: '证件已超过有效期限。', en: 'The card is past its validity period.' },
};

const CARD_TYPE_NAMES: Record<string, Sentence> = {
  resident: { zh: '居民身份证', en: 'resident ID card' },
  hmt_permit: { zh: '港澳台居民居住证', en: 'residence permit for Hong Kong, Macao and Taiwan residents' },
  foreign_permanent: { zh: '外国人永久居留身份证', en: "foreigner's permanent residence ID card" },
};

// The number's own reason (details.numberReason, or a typed number's issue): the sentences for
// citizen numbers live in errorMessages.ts (ID_*), which takes these for the foreigner's number.
export const FOREIGN_NUMBER_REASONS: Record<string, Sentence> = {
  FOREIGN_ID_LEGACY: { zh: '这是 2017 年版 15 位永久居留身份证号码，读卡登记只支持 2023 年版 18 位号码，请手工输入办理。', en: 'This is the 15-character 2017 permanent residence number; card reading supports the 18-character 2023 form only, so type it in.' },
  FOREIGN_ID_LENGTH: { zh: '永久居留身份证号码应为 18 位。', en: 'A permanent residence number has 18 characters.' },
  FOREIGN_ID_PREFIX: { zh: '2023 年版永久居留身份证号码以 9 开头。', en: 'A 2023 permanent residence number starts with 9.' },
  FOREIGN_ID_CHARS: { zh: '永久居留身份证号码前 17 位须为数字，最后一位为数字或 X。', en: 'The first 17 characters of a permanent residence number are digits; the last is a digit or X.' },
  FOREIGN_ID_PROVINCE: { zh: '号码第 2–3 位不是内地省级行政区划代码。', en: 'Characters 2–3 are not a mainland province code.' },
  FOREIGN_ID_NATIONALITY: { zh: '号码第 4–6 位不是国籍代码。', en: 'Characters 4–6 are not a nationality code.' },
  FOREIGN_ID_NOT_ACCEPTED: { zh: '本办事处的规则不受理外国人永久居留身份证作为查询身份证件。', en: "This office's rules do not accept the foreigner's permanent residence ID card as the identity document for a query." },
};

function cardInvalidSentence(d: Record<string, unknown>, locale: Locale, idReason: (reason: string, locale: Locale) => string | null): string {
  const type = CARD_TYPE_NAMES[String(d.cardType)]?.[locale] ?? '';
  const s = (zh: string, en: string) => (locale === 'zh' ? zh : en);
  switch (d.reason) {
    case 'type_not_accepted':
      return s(`本窗口的规则配置不接受${type}作为办理证件，请改用其他有效身份证件。`, `The office's rule profile does not accept a ${type} here; use another valid identity document.`);
    case 'type_mismatch':
      return s(`证件号码与证件类型（${type}）不符，证件可能有误，请核对原件或手工输入。`, `The number does not fit the card's type (${type}); check the original card or type the details in.`);
    case 'number_invalid': {
      const reason = String(d.numberReason);
      const own = FOREIGN_NUMBER_REASONS[reason]?.[locale] ?? idReason(reason, locale) ?? '';
      return s(`证件芯片中的号码未通过核验：${own}`, `The number in the card's chip did not pass its check: ${own}`);
    }
    case 'birth_mismatch':
      return s(`证件上的出生日期（${String(d.cardBirthDate)}）与号码中的（${String(d.numberBirthDate)}）不一致，请核对原件。`, `The card's birth date (${String(d.cardBirthDate)}) differs from the one in its number (${String(d.numberBirthDate)}); check the original.`);
    case 'sex_mismatch':
      return s('证件上的性别与号码中的性别不一致，请核对原件。', "The card's sex differs from the one its number gives; check the original.");
    case 'name_missing':
      return s('证件芯片中没有姓名，请重新读卡或手工输入。', "The card's chip gave no name; read it again or type the details in.");
    case 'date_invalid':
      return s('证件芯片中的日期不是有效日期，请重新读卡或手工输入。', "A date in the card's chip is not a real date; read it again or type the details in.");
    case 'validity_reversed':
      return s('证件的有效期截止日期早于起始日期，请核对原件。', "The card's validity ends before it starts; check the original.");
    case 'not_yet_valid':
      return s(`证件自 ${String(d.validFrom)} 起才生效，今天尚不能使用。`, `The card is valid only from ${String(d.validFrom)}; it cannot be used today.`);
    default:
      return CARD_MESSAGES.CARD_INVALID![locale];
  }
}

/** The sentence for a card or reader error, or null when the error is of another kind. */
export function cardMessage(error: ApiErrorBody, locale: Locale, idReason: (reason: string, locale: Locale) => string | null): string | null {
  const d = error.details ?? {};
  if (error.code === 'CARD_INVALID') return cardInvalidSentence(d, locale, idReason);
  if (error.code === 'READER_ADDRESS_REFUSED') {
    const scheme = d.scheme === 'ws' ? 'ws' : 'http';
    const own: Record<string, Sentence> = {
      scheme: { zh: `该读卡方式的服务地址应以“${scheme}://”开头，例如“${scheme}://127.0.0.1:端口号”。`, en: `This reader's service address must start with ${scheme}://, for example ${scheme}://127.0.0.1:port.` },
      not_url: { zh: `这不是一个服务地址，请按“${scheme}://127.0.0.1:端口号”的格式填写。`, en: `That is not a service address; write it as ${scheme}://127.0.0.1:port.` },
      credentials: { zh: '读卡服务地址中不能含有用户名或密码。', en: 'The reader service address may not hold a user name or password.' },
      port: { zh: '读卡服务地址中的端口号无效。', en: 'The port in the reader service address is not valid.' },
      library_name: {
        zh: '读卡器动态库只能填写文件名（例如 sdtapi.dll 或 Termb.dll），不能含有路径、盘符或“..”；设置未保存，也未加载任何文件。',
        en: "The reader's library must be a bare file name (for example sdtapi.dll or Termb.dll), without a folder, drive or \"..\"; nothing was saved or loaded.",
      },
    };
    const sentence = own[String(d.reason)];
    if (sentence) return sentence[locale];
  }
  if (error.code === 'CARD_EXPIRED') {
    const basis = locale === 'zh' ? d.basisZh : d.basisEn;
    const head = locale === 'zh' ? `证件有效期至 ${String(d.validTo)}，已过期。` : `The card was valid until ${String(d.validTo)} and has expired.`;
    return typeof basis === 'string' ? `${head}${locale === 'zh' ? '' : ' '}${basis}` : head;
  }
  if (error.code === 'READER_SERVICE_DOWN' && (d.reason === 'library_missing' || d.reason === 'symbol_missing' || d.reason === 'library_failed')) {
    return withTyping(
      '读卡器厂商的动态库没有安装、无法加载或版本不符：请管理员安装厂商的读卡驱动和动态库，并在设置中填写正确的文件名。',
      "The card reader's vendor library is not installed, cannot be loaded or is another version: ask the administrator to install the vendor's driver and library and to enter its file name in settings.",
    )[locale];
  }
  if (error.code === 'READER_PHOTO_CORRUPT' && d.reason === 'no_decoder') {
    return withTyping(
      '读卡器的照片解码库（libwlt2bmp）没有安装在读卡动态库旁边，无法显示证件照片以比对人像：请管理员安装厂商的解码库。',
      "The reader's photo decoder (libwlt2bmp) is not installed beside its library, so the card's photo cannot be shown for the face comparison: ask the administrator to install the vendor's decoder.",
    )[locale];
  }
  return CARD_MESSAGES[error.code]?.[locale] ?? null;
}
