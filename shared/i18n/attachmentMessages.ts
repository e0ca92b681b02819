import type { ApiErrorBody } from '../errors';
import type { Locale } from './errorMessages';

// Why an upload was refused (details.reason of ATTACHMENT_INVALID / ATTACHMENT_TOO_LARGE, set by
// electron/services/attachments/attachmentRefusal.ts), as one sentence in each language, with the sizes the core
// named. A Chinese reader never sees the core's English detail.

type Sentence = { zh: string; en: string };
const FIX = { zh: '请打印为普通 PDF 或直接扫描纸质件后上传。', en: 'Print it to a plain PDF or scan the paper, then attach that.' };
const SMALLER = { zh: '请以不超过 300 dpi 的分辨率重新扫描，或减少页数。', en: 'Scan again at 300 dpi or less, or with fewer pages.' };

/** What a PDF's active content was (details.kind of pdf_active). */
const PDF_KINDS: Record<string, Sentence> = {
  script: { zh: '脚本（JavaScript）', en: 'a script (JavaScript)' },
  action: { zh: '打开或点击时执行的动作', en: 'an action that runs when it is opened or clicked' },
  link: { zh: '指向网址的链接', en: 'a link to a web address' },
  form: { zh: '可填写或可提交的表单', en: 'a fillable or submittable form' },
  embedded_file: { zh: '嵌入的文件', en: 'an embedded file' },
  media: { zh: '音频、视频或多媒体内容', en: 'sound, video or other media' },
};

const REASONS: Record<string, (d: Record<string, unknown>) => Sentence> = {
  not_base64: () => ({ zh: '文件未能完整上传，请重新选择文件。', en: 'The file did not arrive whole; choose it again.' }),
  empty: () => ({ zh: '文件是空的，请重新扫描。', en: 'The file is empty; scan it again.' }),
  file_size: (d) => ({
    zh: `文件超过 ${Math.floor(Number(d.max) / 1024)} KB 的上限，请降低扫描分辨率后重新上传。`,
    en: `The file is larger than the ${Math.floor(Number(d.max) / 1024)} KB limit; scan at a lower resolution.`,
  }),
  type_not_accepted: () => ({ zh: '只能上传 PNG、JPEG 图片或 PDF 文件。', en: 'Only PNG or JPEG images and PDFs can be attached.' }),
  not_that_type: () => ({ zh: '文件内容与其类型不符（例如改了扩展名的其他文件），请上传真正的 PNG、JPEG 图片或 PDF 文件。', en: 'The file is not what its type says (another file renamed, for example); attach a real PNG or JPEG image or PDF.' }),
  image_unreadable: () => ({ zh: '图片已损坏或无法识别，请重新扫描。', en: 'The image is damaged or cannot be read; scan it again.' }),
  image_pixels: (d) => ({
    zh: `图片为 ${String(d.width)} × ${String(d.height)} 像素（${String(d.megapixels)} 百万像素），超过了 A3 纸以 300 dpi 扫描所需的 ${String(d.maxMegapixels)} 百万像素。${SMALLER.zh}`,
    en: `The image is ${String(d.width)} × ${String(d.height)} pixels (${String(d.megapixels)} megapixels), more than the ${String(d.maxMegapixels)} megapixels of an A3 page scanned at 300 dpi. ${SMALLER.en}`,
  }),
  pdf_unreadable: () => ({ zh: `该 PDF 文件已损坏或无法识别。${FIX.zh}`, en: `The PDF is damaged or cannot be read. ${FIX.en}` }),
  pdf_encrypted: () => ({ zh: '该 PDF 设有密码或已加密，无法检查其内容。请另存为不加密的 PDF 或直接扫描纸质件。', en: 'The PDF is encrypted or has a password, so its content cannot be checked. Save it without one or scan the paper.' }),
  pdf_uninspectable: () => ({ zh: `该 PDF 的内部结构无法检查（采用了不常见的压缩方式），为安全起见已拒绝。${FIX.zh}`, en: `The PDF is packed in a way that cannot be checked, so it was refused to be safe. ${FIX.en}` }),
  pdf_active: (d) => {
    const kind = PDF_KINDS[String(d.kind)] ?? PDF_KINDS.action!;
    return { zh: `该 PDF 含有${kind.zh}，为安全起见已拒绝。${FIX.zh}`, en: `The PDF contains ${kind.en}, so it was refused to be safe. ${FIX.en}` };
  },
  check_too_slow: (d) => ({
    zh: `检查该文件超过了 ${String(d.seconds)} 秒，已停止并拒绝。${SMALLER.zh}`,
    en: `Checking the file took longer than ${String(d.seconds)} seconds, so it was stopped and refused. ${SMALLER.en}`,
  }),
  check_too_much_memory: (d) => ({
    zh: `检查该文件需要超过 ${String(d.megabytes)} MB 内存，已停止并拒绝。${SMALLER.zh}`,
    en: `Checking the file needed more than ${String(d.megabytes)} MB of memory, so it was stopped and refused. ${SMALLER.en}`,
  }),
};

/** The sentence for a refused upload, or null when the error is not one (or names no known reason). */
export function attachmentMessage(error: ApiErrorBody, locale: Locale): string | null {
  if (error.code !== 'ATTACHMENT_INVALID' && error.code !== 'ATTACHMENT_TOO_LARGE') return null;
  const reason = REASONS[String(error.details?.reason)];
  return reason ? reason(error.details ?? {})[locale] : null;
}
