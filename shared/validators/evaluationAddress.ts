// The hall's evaluation device (好差评, issue 23) is told of each visit that ends by one POST to the
// address the administrator typed in settings: http or https, nothing else (no file:, no data:),
// and no user name or password inside the address, where it would be shown on screen and written
// into the audit log. The core follows no redirect, so the notification goes only where it says.

export type EvaluationUrlReason = 'hall_url_required' | 'hall_url_not_url' | 'hall_url_scheme' | 'hall_url_credentials';

export type EvaluationUrlResult = { ok: true; value: URL } | { ok: false; reason: EvaluationUrlReason };

export function parseEvaluationUrl(raw: string): EvaluationUrlResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'hall_url_required' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'hall_url_not_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'hall_url_scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'hall_url_credentials' };
  if (url.hostname === '') return { ok: false, reason: 'hall_url_not_url' };
  return { ok: true, value: url };
}
