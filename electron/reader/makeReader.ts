import type { ReaderSettings } from '../../shared/contract/reader';
import { AppError } from '../../shared/errors';
import { parseReaderLibrary, READER_LIBRARY_PORT } from '../../shared/validators/readerLibrary';
import { cvrHttpAdapter } from './cvrHttpAdapter';
import { cvrLibraryAdapter } from './cvrLibraryAdapter';
import { cvrWsAdapter } from './cvrWsAdapter';
import type { ReaderPort } from './readerPort';
import { sdtLibraryAdapter } from './sdtLibraryAdapter';

export interface ReaderEnvironment {
  /** Where the library adapters look for the vendor's library: given at start-up, never over the API; null: the loader's search path. */
  libraryDir: string | null;
}

/** CREDITDESK_READER_LIBRARY_DIR, as the core was started; unset means the operating system's search path. */
export function readerEnvironment(): ReaderEnvironment {
  const dir = process.env.CREDITDESK_READER_LIBRARY_DIR?.trim();
  return { libraryDir: dir ? dir : null };
}

/** The library's bare file name, or the refusal; nothing is loaded before it passes. */
export function refuseLibrary(library: string | undefined): string {
  const parsed = parseReaderLibrary(library ?? '');
  if (!parsed.ok) throw new AppError('READER_ADDRESS_REFUSED', parsed.message, { reason: parsed.reason, library: library ?? '' });
  return parsed.value;
}

/** The adapter the settings name; a non-loopback address or a library that is not a bare file name is refused here, before anything is contacted or loaded. */
export function makeReader(settings: ReaderSettings, env: ReaderEnvironment = readerEnvironment()): ReaderPort {
  switch (settings.adapter) {
    case 'cvr_http':
      return cvrHttpAdapter({ url: settings.url, timeoutMs: settings.timeoutMs });
    case 'cvr_ws':
      return cvrWsAdapter({ url: settings.url, timeoutMs: settings.timeoutMs });
    case 'sdt_lib':
    case 'cvr_lib': {
      const options = { library: refuseLibrary(settings.library), port: settings.libraryPort ?? READER_LIBRARY_PORT.default, timeoutMs: settings.timeoutMs, dir: env.libraryDir };
      return settings.adapter === 'sdt_lib' ? sdtLibraryAdapter(options) : cvrLibraryAdapter(options);
    }
    default:
      throw new AppError('READER_NOT_CONNECTED', 'No card reader is set up in settings', { reason: 'not_configured' });
  }
}
