// Providing units (提供单位) are sorted as a Chinese reader looks them up: by pinyin, as
// Intl.Collator('zh-CN') orders them (ICU in Node and Chromium), not by character code (issue 28:
// 上海… before 国家…). SQLite cannot collate pinyin, so the queue ranks names with this in the core
// (caseQueueStore.ts) and the screens sort their lists with it. One collator, one order.
const PINYIN = new Intl.Collator('zh-CN');

export function compareProviders(a: string, b: string): number {
  return PINYIN.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The names in pinyin order, without duplicates. */
export function sortProviders(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(compareProviders);
}
