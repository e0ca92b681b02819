import type { Locale } from './errorMessages';

// The words for a bundle's purpose and its sender, as the console shows them (issue 28: the setup
// screen printed the format's own words, "platform / update", in Chinese mode). Refusal sentences
// (electron/sync/bundle/errors.ts) take their Chinese purpose words from here too.

export const BUNDLE_PURPOSE_WORDS: Record<string, { zh: string; en: string }> = {
  update: { zh: '平台更新', en: 'platform updates' },
  export: { zh: '窗口导出', en: 'office exports' },
  keyring: { zh: '密钥环更新', en: 'keyring updates' },
  enrollment: { zh: '注册申请', en: 'enrollment requests' },
};

/** A purpose in words; a word the console does not know (from a file) stays quoted as written. */
export function bundlePurposeWords(purpose: string, locale: Locale): string {
  return BUNDLE_PURPOSE_WORDS[purpose]?.[locale] ?? (locale === 'zh' ? `“${purpose}”` : `"${purpose}"`);
}

/** Who sent a channel's bundles: the platform in words, an office by its code. */
export function bundleSenderWords(sender: string, locale: Locale): string {
  if (sender === 'platform') return locale === 'zh' ? '信用平台' : 'the credit platform';
  return locale === 'zh' ? `窗口 ${sender}` : `office ${sender}`;
}
