import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A hall's evaluation device (好差评) for tests (issue 23): an HTTP server on a 127.0.0.x address
// that records every notification the core POSTs to it, and answers as told — 204, an error
// status, or not at all (a device that hangs), until the test lets it go.

export interface ReceivedNotification {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export type DeviceAnswer = { status: number } | 'hold';

export interface FakeEvaluationDevice {
  url: string;
  received: ReceivedNotification[];
  /** How the next requests are answered (default 204). */
  answer: DeviceAnswer;
  /** Resolves with the next notification to arrive (or the one that already did, unclaimed). */
  next(): Promise<ReceivedNotification>;
  /** Counts everything received so far as seen: next() waits for what arrives from now on. */
  skipReceived(): void;
  /** Answers every held request with `status`. */
  release(status?: number): void;
  close(): Promise<void>;
}

export async function startFakeEvaluationDevice(host = '127.0.23.50'): Promise<FakeEvaluationDevice> {
  const received: ReceivedNotification[] = [];
  const waiting: ((n: ReceivedNotification) => void)[] = [];
  let claimed = 0;
  const held: ServerResponse[] = [];
  const device: FakeEvaluationDevice = {
    url: '',
    received,
    answer: { status: 204 },
    next() {
      if (claimed < received.length) return Promise.resolve(received[claimed++]!);
      return new Promise((resolve) => waiting.push(resolve));
    },
    skipReceived() {
      claimed = received.length;
    },
    release(status = 204) {
      for (const res of held.splice(0)) res.writeHead(status).end();
    },
    async close() {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n: ReceivedNotification = { path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> };
      received.push(n);
      const waiter = waiting.shift();
      if (waiter) {
        claimed += 1;
        waiter(n);
      }
      if (device.answer === 'hold') held.push(res);
      else res.writeHead(device.answer.status).end();
    });
  });
  server.listen(0, host);
  await once(server, 'listening');
  device.url = `http://${host}:${(server.address() as AddressInfo).port}/evaluate`;
  return device;
}

/** An address on which nothing listens: a port that was just free, on the device's loopback address. */
export async function deadEvaluationAddress(host = '127.0.23.50'): Promise<string> {
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  server.close();
  await once(server, 'close');
  return `http://${host}:${port}/evaluate`;
}
