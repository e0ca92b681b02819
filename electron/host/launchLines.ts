// What browser mode prints when it is ready (issue 28: the last line was the bare address, which
// opens a refusal page in a browser that never used the launch page, and the working link was the
// line above). The last line is always the one-time page to open, said plainly; the bare address
// goes to stdout on a line of its own for scripts that wait for it, and carries no key
// (docs/security.md, "Browser mode").

export interface LaunchLinesInput {
  dataDir: string;
  /** The bare address, without the key. */
  origin: string;
  /** file:// URL of the one-time launch page. */
  pageUrl: string;
}

export interface LaunchLines {
  /** Before the address: what is running and where. */
  before: string[];
  /** The address alone (stdout). */
  address: string;
  /** After the address, ending with the page to open: the last line printed. */
  after: string[];
}

export function launchLines({ dataDir, origin, pageUrl }: LaunchLinesInput): LaunchLines {
  return {
    before: [`CreditDesk (browser mode) — data directory ${dataDir}`],
    address: origin,
    after: [
      `The address above opens the console only in a browser that has opened the one-time page below; after that, reloads and more windows of that browser work until it closes.`,
      `Open the console with this page (it works once): ${pageUrl}`,
    ],
  };
}

/** Said when the automatic opening failed: the reason, and the page again, so it is still the last line. */
export function openFailedLine(pageUrl: string, reason: string): string {
  return `No browser could be opened automatically (${reason}); open this page in your browser yourself: ${pageUrl}`;
}
