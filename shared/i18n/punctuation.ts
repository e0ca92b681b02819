import type { Locale } from './errorMessages';

/** A label's colon: full-width in Chinese text (性别：女), ASCII and a space in English. */
export const LABEL_COLON: Record<Locale, string> = { zh: '：', en: ': ' };
