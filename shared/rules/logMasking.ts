import { maskCreditCode, maskIdNumber, maskName, type MaskingOptions } from '../masking';

// One rule for identities in logs (issue 29, issue 28; domain-rules.md, "Personal information"):
// whoever reads a log — the query register, the audit log, or the export of either — sees ID
// numbers, credit codes and subjects' names masked by the active rule profile's masking options,
// whatever their role. The full value is shown only at the counter, through "reveal", which is
// itself an audit event. The stored rows keep the full values: the audit chain's MACs cover them.

// An 18-character resident ID number, or a unified social credit code (GB 32100), standing on its
// own: not part of a longer run of letters and digits (a SHA-256, a bundle id).
const IDENTITY_IN_TEXT = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{18})(?![0-9A-Za-z])/g;
const ID_NUMBER = /^\d{17}[\dXx]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Detail keys under which the core writes a subject's or an agent's name. */
const NAME_KEYS: ReadonlySet<string> = new Set(['typedName', 'name', 'subjectName', 'agentName']);

/** A subject's identity number as a log shows it: an ID number or an entity's credit code, each by its own rule. */
export function maskLoggedIdentity(value: string, masking: MaskingOptions): string {
  const v = value.trim();
  return !ID_NUMBER.test(v) && CREDIT_CODE.test(v) ? maskCreditCode(v, masking) : maskIdNumber(v, masking);
}

/** A subject's name as a log shows it. */
export function maskLoggedName(name: string, masking: MaskingOptions): string {
  return maskName(name, masking);
}

/** Free text from a log with every identity number in it masked. */
export function maskIdentitiesIn(text: string, masking: MaskingOptions): string {
  return text.replace(IDENTITY_IN_TEXT, (m) => maskLoggedIdentity(m, masking));
}

function maskValue(key: string | null, value: unknown, masking: MaskingOptions): unknown {
  if (typeof value === 'string') return key !== null && NAME_KEYS.has(key) ? maskLoggedName(value, masking) : maskIdentitiesIn(value, masking);
  if (Array.isArray(value)) return value.map((v) => maskValue(key, v, masking));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskValue(k, v, masking)]));
  }
  return value;
}

/** An audit event as the audit screen and its export show it: target and details by the rule above. */
export function maskAuditEntry<T extends { target: string | null; detail: Record<string, unknown> }>(entry: T, masking: MaskingOptions): T {
  return {
    ...entry,
    target: entry.target === null ? null : maskIdentitiesIn(entry.target, masking),
    detail: maskValue(null, entry.detail, masking) as Record<string, unknown>,
  };
}
