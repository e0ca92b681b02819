import type { ReaderSettings } from '../../shared/contract/reader';
import { AppError } from '../../shared/errors';
import { cvrHttpAdapter } from './cvrHttpAdapter';
import { cvrWsAdapter } from './cvrWsAdapter';
import type { ReaderPort } from './readerPort';

/** The adapter the settings name; a non-loopback address is refused here, before any connection. */
export function makeReader(settings: ReaderSettings): ReaderPort {
  switch (settings.adapter) {
    case 'cvr_http':
      return cvrHttpAdapter({ url: settings.url, timeoutMs: settings.timeoutMs });
    case 'cvr_ws':
      return cvrWsAdapter({ url: settings.url, timeoutMs: settings.timeoutMs });
    default:
      throw new AppError('READER_NOT_CONNECTED', 'No card reader is set up in settings', { reason: 'not_configured' });
  }
}
