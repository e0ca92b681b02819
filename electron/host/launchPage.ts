import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// How browser mode hands the launch key to the browser without putting it on a command line
// (visible in `ps`) or on stdout (kept in terminal scrollback and CI logs): a page only the
// office's own user can read (0600, in the 0700 data directory) that forwards to the console
// with the key in the URL fragment, which browsers never send to a server. The host deletes it
// at the first request that carries the key, so the page works once.

export const LAUNCH_PAGE = 'open-console.html';

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The page's HTML: a meta refresh (works with scripts off) plus location.replace (no history entry). */
export function launchPageHtml(consoleUrl: string): string {
  const url = escapeAttr(consoleUrl);
  return `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${url}"><title>CreditDesk</title><script>location.replace(${JSON.stringify(consoleUrl)})</script><a href="${url}">CreditDesk</a>\n`;
}

/** Writes the page (replacing a stale one) and returns its file:// URL and path. */
export function writeLaunchPage(dataDir: string, consoleUrl: string): { file: string; fileUrl: string; remove: () => void } {
  const file = join(dataDir, LAUNCH_PAGE);
  rmSync(file, { force: true });
  writeFileSync(file, launchPageHtml(consoleUrl), { mode: 0o600, flag: 'wx' });
  return { file, fileUrl: pathToFileURL(file).href, remove: () => rmSync(file, { force: true }) };
}

/** Reads the console URL (with its key) back from a launch page: for test fixtures and scripts. */
export function consoleUrlFromLaunchPage(html: string): string | null {
  const literal = /location\.replace\(("[^"]*")\)/.exec(html)?.[1];
  return literal ? (JSON.parse(literal) as string) : null;
}
