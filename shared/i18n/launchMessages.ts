import type { ApiErrorBody } from '../errors';
import type { Locale } from './errorMessages';

// Browser mode's way in: the launch page's key, taken up once by POST /launch for this browser's
// cookie (electron/host/browserAdmission.ts). Each way it can fail is said plainly, with what to do
// (issue 26: a failed POST /launch was silent, and the page then said only that it held no key).
const LAUNCH_REASONS: Record<string, { zh: string; en: string }> = {
  // A call without the key or the cookie: the page was not opened from the launch page.
  launch_key: {
    zh: '此页面没有本次启动的密钥：请用启动时生成的页面（数据目录中的 open-console.html）打开工作台，或重新启动。',
    en: 'This page does not hold this launch\'s key: open the console with the page made at start (open-console.html in the data directory), or restart it.',
  },
  // POST /launch refused the key: another browser took it up first, or the link is from an earlier start.
  launch_refused: {
    zh: '这个启动链接已在另一个浏览器中打开过，或来自上一次启动，不能再用于本浏览器。请在最先打开它的浏览器中继续使用工作台，或重新启动工作台以生成新的启动页面。',
    en: 'This launch link was already opened in another browser, or is from an earlier start, so this browser cannot use it. Go on in the browser that opened it first, or restart the console for a new launch page.',
  },
  // A window's session used elsewhere (issue 23): the token was opened at another window, or is
  // replayed without that window's certificate.
  other_window: {
    zh: '这个登录是在另一个窗口打开的，不能在本窗口使用。请在本窗口重新登录。',
    en: 'This sign-in was opened at another window and cannot be used here. Log in at this window.',
  },
  // POST /launch got no answer: the console stopped, or the page was opened from a copy.
  launch_unreachable: {
    zh: '打开此页面时工作台没有响应（可能已经关闭）。请确认工作台仍在运行，然后重新打开启动页面（数据目录中的 open-console.html）。',
    en: 'The console did not answer when this page was opened (it may have stopped). Check that it is still running, then open the launch page again (open-console.html in the data directory).',
  },
};

/** The sentence for a refusal at the way in, or null for any other error. */
export function launchMessage(error: ApiErrorBody, locale: Locale): string | null {
  const reason = error.details?.reason;
  if (error.code !== 'UNAUTHENTICATED' || typeof reason !== 'string') return null;
  return LAUNCH_REASONS[reason]?.[locale] ?? null;
}
