// The vendor library a card reader adapter loads (issue 25) is named in settings by its bare file
// name only, never a path: a path in settings would let whoever can change settings make the core
// load any file on the machine as code. The operating system's loader search path (or the
// directory the core was given at start-up, CREDITDESK_READER_LIBRARY_DIR) finds it.

export type ReaderLibraryResult = { ok: true; value: string } | { ok: false; reason: 'library_name'; message: string };

const LIBRARY_FILE = /^[A-Za-z0-9][A-Za-z0-9_+-]*(\.[A-Za-z0-9_+-]+)*\.(dll|so(\.\d+)*|dylib)$/i;

export function parseReaderLibrary(raw: string): ReaderLibraryResult {
  const name = raw.trim();
  // The pattern has no separator, no drive colon and no "..": a bare name cannot leave the search path.
  if (name.length > 100 || !LIBRARY_FILE.test(name) || name.includes('..')) {
    return { ok: false, reason: 'library_name', message: `The reader's library must be a bare file name such as sdtapi.dll or libwlt2bmp.so, not ${JSON.stringify(raw)}` };
  }
  return { ok: true, value: name };
}

/** The reader's port as the vendors number it: 1–16 a serial port, 1001–1016 a USB reader. */
export const READER_LIBRARY_PORT = { min: 1, max: 9999, default: 1001 } as const;
