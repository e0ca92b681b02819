// What browser mode's HTTP host gives one connection and one client: the one place these numbers
// live (docs/security.md quotes them, a test holds the two together).

export interface HostLimits {
  /** Connections open at once, all clients together. */
  maxConnections: number;
  /**
   * Connections open at once from one client: one remote address (see clientOf), and on the office
   * host one window once its certificate is shown, whatever address it comes through.
   */
  maxConnectionsPerClient: number;
  /** A request's headers must have arrived this long after they began, or the connection closes. */
  headersTimeoutMs: number;
  /** A whole request (headers and body) must have arrived this long after it began. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /**
   * How often the timeouts above are checked. Node checks them on an interval (30 s by default:
   * a 10 s header limit fired at 22 s, a 60 s request limit at 82 s, issue 29), so the server is
   * given each limit less one interval: a slow request is closed within the last interval before
   * its limit, never after it.
   */
  timeoutCheckMs: number;
}

export const HOST_LIMITS: HostLimits = {
  // One console in one browser needs a handful (Chromium opens at most 6 per host and profile).
  maxConnections: 32,
  // A service hall's windows are clients of their own (issue 23); on loopback every local page
  // and process is one client, and room is made by closing a connection still owing its headers.
  maxConnectionsPerClient: 16,
  headersTimeoutMs: 10_000,
  // 80 MiB over loopback takes well under a second; a minute is generous on a hall's network too.
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckMs: 250,
};

/**
 * The office host's (issue 23): each window is a client of its own there, so the total is sized for
 * a hall of windows with a few kept-alive connections each; the rest is as above.
 */
export const OFFICE_HOST_LIMITS: HostLimits = { ...HOST_LIMITS, maxConnections: 256 };

/** Node's server settings for the limits: each timeout one check interval short of its promise. */
export function serverTimeouts(limits: HostLimits): { headersTimeout: number; requestTimeout: number; keepAliveTimeout: number; connectionsCheckingInterval: number } {
  return {
    headersTimeout: limits.headersTimeoutMs - limits.timeoutCheckMs,
    requestTimeout: limits.requestTimeoutMs - limits.timeoutCheckMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckMs,
  };
}

/**
 * Who a connection comes from, before it has sent a byte: its remote address (an IPv4 address
 * seen through an IPv6 socket is the same client). A browser's connections all come from its
 * machine's address; on loopback that makes every local page and process one client.
 */
export function clientOf(remoteAddress: string | undefined): string {
  const a = remoteAddress ?? '';
  return a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a;
}
