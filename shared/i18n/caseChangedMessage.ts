import { chinaDateTime } from '../calendar/dates';
import type { ApiErrorBody } from '../errors';
import { auditActionLabel } from './auditLabels';

type Locale = 'zh' | 'en';

/** Said when the refusal came without its facts (an older core): still plain, still "nothing done". */
export const CASE_CHANGED_PLAIN = {
  zh: '您打开案件后，已有他人办理了该案件，本次操作未执行。请查看案件的最新状态后再办理。',
  en: 'Someone else changed this case after you opened it, so nothing was done. Look at its current state, then continue.',
};

/**
 * A transition refused because the case changed since the person opened it (issue 23): who made
 * the change, what it was (the audit screen's name for the event) and when (Beijing time, as the
 * rest of the console shows times), and that nothing was done. Null for any other error.
 */
export function caseChangedMessage(error: ApiErrorBody, locale: Locale): string | null {
  if (error.code !== 'CASE_CHANGED') return null;
  const d = error.details ?? {};
  if (typeof d.action !== 'string' || typeof d.at !== 'string') return CASE_CHANGED_PLAIN[locale];
  const caseNo = typeof d.caseNo === 'string' ? d.caseNo : '';
  const when = chinaDateTime(d.at);
  const what = auditActionLabel(d.action, locale);
  const by = typeof d.by === 'string' && d.by ? d.by : null;
  return locale === 'zh'
    ? `案件 ${caseNo} 在您打开后已由${by ?? '系统'}于 ${when}（北京时间）办理：“${what}”。本次操作未执行，页面已显示案件的最新状态，请核对后再办理。`
    : `Case ${caseNo} was changed after you opened it: "${what}" by ${by ?? 'the system'} at ${when} (Beijing time). Nothing was done; the page now shows the case as it is, so check it before you continue.`;
}
