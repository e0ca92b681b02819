import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { baseMessageOf, encodeAnswer, type AnswerEncoding, type FakeCard } from './fixtures';

// A fake CVR-100 local service for tests (issue 25): listens on 127.0.0.1 at a random port,
// answers OpenDevice / readCard / CloseDevice like the real one, and behaves like a reader with
// a card on it: once a card was read it must be lifted and placed again before the next read.
// Every fault of the issue can be injected.

export type FakeFault =
  | 'none'
  | 'no_device' // OpenDevice: no reader on the USB port
  | 'busy' // OpenDevice: another program holds the reader
  | 'unreadable' // readCard: the chip does not answer
  | 'hang' // readCard: accepted, never answered (the adapter's timeout)
  | 'not_json' // something else listens on the port
  | 'http_error' // the service fails with HTTP 500
  | 'redirect' // the "service" sends the read elsewhere
  | 'unplugged' // the reader is pulled out between OpenDevice and readCard
  | 'cut_off'; // the service dies in the middle of its readCard answer

export interface FakeReaderState {
  card: FakeCard | null;
  fault: FakeFault;
  encoding: AnswerEncoding;
  samId: string | null;
}

export interface FakeCardReader {
  /** http://127.0.0.1:port; the same port takes WebSocket connections (ws://127.0.0.1:port). */
  url: string;
  wsUrl: string;
  port: number;
  /** Every call received, in order ('OpenDevice', 'readCard', 'CloseDevice', or the path). */
  calls: string[];
  set(state: Partial<FakeReaderState>): void;
  /** The applicant places a card (a new one, or the same one after lifting it). */
  place(card: FakeCard): void;
  lift(): void;
  /** Resolves when the next call of that name arrives. */
  nextCall(name: string): Promise<void>;
  /** Holds readCard answers until the returned function is called. */
  hold(): () => void;
  close(): Promise<void>;
}

export async function startFakeCardReader(initial: Partial<FakeReaderState> = {}): Promise<FakeCardReader> {
  const state: FakeReaderState = { card: null, fault: 'none', encoding: 'utf8', samId: '05.01-20231108-0012345678', ...initial };
  // Whether the card on the reader was read since it was placed (the chip then stays silent).
  let alreadyRead = false;
  let held: Promise<void> | null = null;
  const calls: string[] = [];
  const waiters: Array<{ name: string; resolve: () => void }> = [];
  const hanging = new Set<ServerResponse>();

  type Reply = { kind: 'answer'; answer: Record<string, unknown> } | { kind: 'hang' | 'not_json' | 'http_error' | 'redirect' | 'not_found' | 'cut_off' };
  const answer = (a: Record<string, unknown>): Reply => ({ kind: 'answer', answer: a });
  const failed = (resultFlag: number, errorMsg: string): Reply => answer({ resultFlag, errorMsg });

  /** What the reader answers to one call, the same over HTTP and WebSocket. */
  async function respond(name: string): Promise<Reply> {
    calls.push(name);
    for (const w of waiters.filter((x) => x.name === name)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    if (state.fault === 'not_json' || state.fault === 'http_error' || state.fault === 'redirect') return { kind: state.fault };
    if (name === 'OpenDevice') {
      if (state.fault === 'no_device') return failed(-1, '未连接读卡器，打开设备失败');
      if (state.fault === 'busy') return failed(-4, '设备被占用');
      return answer(state.samId ? { resultFlag: 0, errorMsg: '', samID: state.samId } : { resultFlag: 0, errorMsg: '' });
    }
    if (name === 'CloseDevice') return answer({ resultFlag: 0, errorMsg: '' });
    if (name !== 'readCard') return { kind: 'not_found' };
    if (held) await held;
    if (state.fault === 'hang') return { kind: 'hang' };
    if (state.fault === 'unplugged') return failed(-1, '读卡器已断开，未连接设备');
    if (state.fault === 'cut_off') return { kind: 'cut_off' };
    if (state.card === null) return failed(-2, '未找到卡，请放卡');
    if (alreadyRead) return failed(-2, '请重新放卡');
    if (state.fault === 'unreadable') return failed(-3, '选卡失败，读卡失败');
    alreadyRead = true;
    const card = state.card;
    if (state.encoding === 'ucs2_block') {
      // Only the chip's own block: the text fields come from it or not at all.
      return answer({ resultFlag: 0, errorMsg: '', certType: card.certType, baseInfo: baseMessageOf(card).toString('base64'), identityPic: card.identityPic });
    }
    return answer({ resultFlag: 0, errorMsg: '', ...card });
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = await respond((req.url ?? '').replace(/^\/+/, '').split('?')[0] ?? '');
    switch (reply.kind) {
      case 'answer': {
        const { body, contentType } = encodeAnswer(reply.answer, state.encoding);
        res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
        res.end(body);
        return;
      }
      case 'hang':
        hanging.add(res);
        return;
      case 'cut_off':
        // Headers and half a body, then the connection goes.
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 4096 });
        res.write('{"resultFlag":0,"partyName":"张');
        res.socket?.destroy();
        return;
      case 'not_json':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body>It works!</body></html>');
        return;
      case 'http_error':
        res.writeHead(500);
        res.end();
        return;
      case 'redirect':
        res.writeHead(302, { Location: 'http://192.0.2.10/collect' });
        res.end();
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  }

  // The WebSocket flavour: one message {"command": "..."} per call on a connection per read; the
  // answer is a text frame (UTF-8) or, from a GBK service, a binary frame of GBK bytes.
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      let name: string;
      try {
        name = String((JSON.parse(String(data)) as { command?: unknown }).command ?? '');
      } catch {
        name = '';
      }
      void respond(name).then((reply) => {
        if (reply.kind === 'answer') {
          const { body } = encodeAnswer(reply.answer, state.encoding);
          ws.send(body, { binary: state.encoding === 'gbk' || state.encoding === 'gbk_unlabelled' });
        } else if (reply.kind === 'not_json') ws.send('<html><body>It works!</body></html>');
        else if (reply.kind === 'hang') hangingSockets.add(ws);
        else if (reply.kind === 'cut_off') ws.terminate();
        else ws.close();
      });
    });
  });
  const hangingSockets = new Set<WebSocket>();

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => res.destroy());
  });
  server.on('upgrade', (req, socket, head) => {
    // Faults that stop a WebSocket before it opens: something else listens, or it sends the client elsewhere.
    if (state.fault === 'http_error') {
      calls.push('upgrade');
      socket.end('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (state.fault === 'redirect') {
      calls.push('upgrade');
      socket.end('HTTP/1.1 302 Found\r\nLocation: ws://192.0.2.10/collect\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    calls,
    set(next) {
      Object.assign(state, next);
      if (next.card !== undefined) alreadyRead = false;
    },
    place(card) {
      state.card = card;
      alreadyRead = false;
    },
    lift() {
      state.card = null;
      alreadyRead = false;
    },
    nextCall(name) {
      return new Promise((resolve) => waiters.push({ name, resolve }));
    },
    hold() {
      let release!: () => void;
      held = new Promise((r) => (release = r));
      return () => {
        held = null;
        release();
      };
    },
    async close() {
      for (const res of hanging) res.destroy();
      for (const ws of hangingSockets) ws.terminate();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
