import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as TlsHttpServer } from 'node:https';
import type { Socket } from 'node:net';
import { clientOf, type HostLimits } from './hostLimits';

interface Tracked {
  socket: Socket;
  /** Its remote address until it proves who it is (see `Admission.identify`). */
  client: string;
  /** The server is answering one of its requests (from complete headers until the response ends). */
  busy: boolean;
  /** Since when it has been waiting on the client: connected, or its last response ended. */
  waitingSince: number;
}

/**
 * Admits connections within the host's limits, per client and in all. A connection the server is
 * not answering (its headers still trickling in, or kept alive between requests) is owed nothing:
 * when a new one needs its place, the one that has kept the host waiting longest is closed. So
 * connections held open byte by byte (issue 29: 32 of them locked everyone out until they timed
 * out) cannot keep out a client that sends its request at once; a request being answered is never
 * cut off, and a new connection is refused only when every place is taken by one.
 */
export interface Admission {
  /**
   * The connection (the raw socket under a TLS one) belongs to `client` from now on, not to its
   * address: an office host's windows each prove who they are with their certificate, and a hall
   * whose windows all reach the host through one address (NAT, a proxy) must not share one
   * address's places. False, and the connection closed, when that client's places are all answering.
   */
  identify(socket: Socket, client: string): boolean;
}

const rawSocket = (socket: Socket): Socket => (socket as Socket & { _parent?: Socket })._parent ?? socket;

export function admitConnections(server: Server | TlsHttpServer, limits: HostLimits): Admission {
  const open = new Map<Socket, Tracked>();
  let order = 0;

  const longestWaiting = (client: string | null): Tracked | undefined => {
    let victim: Tracked | undefined;
    for (const t of open.values()) {
      if (t.busy || (client !== null && t.client !== client)) continue;
      if (!victim || t.waitingSince < victim.waitingSince) victim = t;
    }
    return victim;
  };

  /** Makes room in `client`'s share (or in all, when `client` is null); false when none can be made. */
  const makeRoom = (client: string | null): boolean => {
    const victim = longestWaiting(client);
    if (!victim) return false;
    open.delete(victim.socket);
    victim.socket.destroy();
    return true;
  };

  server.on('connection', (socket: Socket) => {
    const client = clientOf(socket.remoteAddress);
    let fromClient = 0;
    for (const t of open.values()) if (t.client === client) fromClient++;
    const admitted = (fromClient < limits.maxConnectionsPerClient || makeRoom(client)) && (open.size < limits.maxConnections || makeRoom(null));
    if (!admitted) {
      socket.destroy();
      return;
    }
    open.set(socket, { socket, client, busy: false, waitingSince: order++ });
    socket.once('close', () => open.delete(socket));
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // Over TLS (the office host) a request arrives on the TLS socket wrapping the admitted one.
    const t = open.get(req.socket) ?? open.get(rawSocket(req.socket));
    if (!t) return;
    t.busy = true;
    res.once('close', () => {
      t.busy = false;
      t.waitingSince = order++;
    });
  });

  return {
    identify(socket, client) {
      const t = open.get(socket) ?? open.get(rawSocket(socket));
      if (!t) return false;
      t.client = client;
      let fromClient = 0;
      for (const o of open.values()) if (o.client === client) fromClient++;
      if (fromClient <= limits.maxConnectionsPerClient || makeRoom(client)) return open.has(t.socket);
      open.delete(t.socket);
      t.socket.destroy();
      return false;
    },
  };
}
