import type { AuditRow } from '../../shared/contract';
import { auditActionLabel, auditDetailFields, auditTargetText } from '../../shared/i18n/auditLabels';
import { latinLeftIn } from './refusalLanguage';

// How the auditor reads an event in Chinese (issue 28): no raw key or code, no English word, no full
// ID number. Names as typed (account user names, file names) stay as typed and are skipped.

const FILE_NAME = /[^\s；：、，]+\.(?:csv|xlsx|pdf|png|jpe?g)\b/g;
const RAW_CODE = /\b[a-z]+(?:_[a-z]+)+\b|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const FULL_ID = /\b\d{17}[\dX]\b/;

/** What an auditor must not read in `shown`; `names` are user names, taken out first (longest first). */
export function unreadableInChinese(shown: string, names: readonly string[] = []): string[] {
  const byLength = [...names].sort((a, b) => b.length - a.length);
  const text = byLength.reduce((t, n) => t.split(n).join(' '), shown.replace(FILE_NAME, ' '));
  const problems = [...(text.match(RAW_CODE) ?? []).map((c) => `code ${c}`), ...latinLeftIn(text.replace(RAW_CODE, ' ')).map((w) => `word ${w}`)];
  if (FULL_ID.test(text)) problems.push('full ID number');
  return problems;
}

/** Each action whose row reads wrongly on the Chinese audit screen, with what is wrong (the first such row). */
export function unreadableAuditRows(rows: readonly AuditRow[], purposes: ReadonlyMap<string, string>, names: readonly string[]): Record<string, string[]> {
  const bad = new Map<string, string[]>();
  for (const r of rows) {
    const fields = auditDetailFields(r.detail, 'zh', (c) => purposes.get(c) ?? c);
    const problems = [
      ...unreadableInChinese(auditActionLabel(r.action, 'zh'), names),
      ...unreadableInChinese(auditTargetText(r.action, r.target, 'zh', r.detail), names),
      ...fields.flatMap(([label, value]) => [...unreadableInChinese(label, names), ...unreadableInChinese(value, names)].map((p) => `${label}: ${p}`)),
    ];
    if (problems.length > 0 && !bad.has(r.action)) bad.set(r.action, [...new Set(problems)]);
  }
  return Object.fromEntries(bad);
}
