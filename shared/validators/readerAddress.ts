// The card reader's vendor service is reached on this computer only (issue 25): an address in
// settings that names another machine would send every applicant's card data across the network,
// so it is refused before anything connects. Only literal loopback addresses count: a host name,
// even "localhost", is whatever the hosts file or DNS says it is.

export type ReaderScheme = 'http' | 'ws';

export interface ReaderAddress {
  scheme: ReaderScheme;
  /** 127.x.x.x or ::1, as written. */
  host: string;
  port: number;
  /** The path prefix the vendor's calls go under, without a trailing slash ('' for none). */
  basePath: string;
}

export type ReaderAddressResult = { ok: true; value: ReaderAddress } | { ok: false; reason: 'not_url' | 'scheme' | 'not_loopback' | 'credentials' | 'port'; message: string };

function isLoopbackIPv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function parseReaderAddress(raw: string, scheme: ReaderScheme): ReaderAddressResult {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'not_url', message: `Not an address: ${JSON.stringify(raw)}` };
  }
  if (url.protocol !== `${scheme}:`) return { ok: false, reason: 'scheme', message: `The reader's address must start with ${scheme}://` };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials', message: 'The reader address may not carry a user name or password' };
  // URL keeps IPv6 hosts in brackets and has already turned 0x7f.1 or 2130706433 into 127.0.0.1.
  const host = url.hostname;
  if (!isLoopbackIPv4(host) && host !== '[::1]') {
    return { ok: false, reason: 'not_loopback', message: `The reader's service must be on this computer (127.0.0.1), not ${host}` };
  }
  const port = url.port === '' ? 80 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, reason: 'port', message: 'The reader address has no valid port' };
  return { ok: true, value: { scheme, host: host === '[::1]' ? '::1' : host, port, basePath: url.pathname.replace(/\/+$/, '') } };
}
