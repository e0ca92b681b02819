import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { watch } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { baseMessageOf, PHOTOS, type FakeCard } from '../fakeCardReader/fixtures';

// The vendor libraries' stand-in for tests (issue 25): stubReaderLib.c, built here with the
// machine's C compiler into a temporary directory, exports the SDT_* and CVR_* functions and the
// WLT decoder, and reads what the "reader" holds from files in a control directory this module
// writes. The same cards and faults as the fake vendor service (../fakeCardReader).

export const STUB_LIBRARY = 'libreaderstub.so';
export const STUB_DECODER = 'libwlt2bmp.so';

export type LibraryFault = 'none' | 'no_device' | 'unreadable' | 'hang' | 'unplugged' | 'timeout_code';

export interface BuiltStub {
  /** The directory holding the library and its decoder, as the core is given it at start-up. */
  dir: string;
  remove(): Promise<void>;
}

/** Builds the stub, or says why it cannot be built here (node:test's skip takes the reason). */
export async function buildStubLibrary(): Promise<BuiltStub | { skip: string }> {
  if (process.platform === 'win32') return { skip: 'the stub library is built with cc -shared, which this Windows machine does not run' };
  const probe = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { skip: `no C compiler (cc) on this machine to build the stub reader library: ${probe.error?.message ?? probe.stderr}` };
  const dir = await mkdtemp(join(tmpdir(), 'creditdesk-readerlib-'));
  const source = join(import.meta.dirname, 'stubReaderLib.c');
  const built = spawnSync('cc', ['-shared', '-fPIC', '-O1', '-o', join(dir, STUB_LIBRARY), source], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`cc could not build the stub reader library: ${built.stderr}`);
  // The decoder is a library of its own beside the reader's, as the vendors ship it.
  await copyFile(join(dir, STUB_LIBRARY), join(dir, STUB_DECODER));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export type LibraryStep = 'open' | 'read' | 'close';
const OPEN = new Set(['SDT_OpenPort', 'CVR_InitComm']);
const CLOSE = new Set(['SDT_ClosePort', 'CVR_CloseComm']);

export interface FakeReaderLibrary {
  /** The control directory; the stub finds it through STUB_READER_DIR. */
  control: string;
  set(state: { fault?: LibraryFault; samId?: string | null }): Promise<void>;
  place(card: FakeCard): Promise<void>;
  lift(): Promise<void>;
  /** open, read, close as the stub was called since the last reset (the family's own calls collapsed). */
  steps(): Promise<LibraryStep[]>;
  resetCalls(): Promise<void>;
  /** Resolves once the stub logs that step (again, with `again`; at all otherwise). */
  nextStep(step: LibraryStep, again?: boolean): Promise<void>;
  /** Holds the read call until the returned function is called. */
  hold(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const photoBytes = (base64: string) => Buffer.from(base64, 'base64');

/** The fields as Termb.dll's Get* calls hand them over, in GB 18030. */
function cvrFields(card: FakeCard): Buffer {
  const foreign = card.certType === 'Y' || card.certType === 'I';
  const lines: Array<[string, string]> = [
    ['type', card.certType.trim()],
    ['name', foreign ? (card.englishName ?? '') : card.partyName],
    ['chinese_name', foreign ? card.partyName : ''],
    ['sex', card.gender],
    ['nation', card.nation],
    ['nation_code', card.nationality ?? ''],
    ['birth', card.bornDay],
    ['address', card.certAddress],
    ['number', card.certNumber],
    ['authority', card.certOrg],
    ['start', card.effDate],
    ['end', card.expDate],
  ];
  return iconv.encode(lines.map(([k, v]) => `${k}=${v}\n`).join(''), 'gb18030');
}

export async function startFakeReaderLibrary(family: 'sdt' | 'cvr'): Promise<FakeReaderLibrary> {
  const control = await mkdtemp(join(tmpdir(), 'creditdesk-readerctl-'));
  const file = (name: string) => join(control, name);
  const drop = (name: string) => unlink(file(name)).catch(() => undefined);
  process.env.STUB_READER_DIR = control;
  const watcher = watch(control);
  watcher.setMaxListeners(50);

  async function steps(): Promise<LibraryStep[]> {
    const log = await readFile(file('calls.log'), 'utf8').catch(() => '');
    const out: LibraryStep[] = [];
    for (const call of log.split('\n').filter(Boolean)) {
      const step: LibraryStep = OPEN.has(call) ? 'open' : CLOSE.has(call) ? 'close' : 'read';
      if (step !== 'read' || out.at(-1) !== 'read') out.push(step);
    }
    return out;
  }

  const fake: FakeReaderLibrary = {
    control,
    async set({ fault, samId }) {
      if (fault !== undefined) await writeFile(file('mode'), fault);
      if (samId !== undefined) await (samId === null ? drop('samid') : writeFile(file('samid'), samId));
    },
    async place(card) {
      await drop('read_done');
      if (family === 'sdt') {
        await writeFile(file('card.bin'), baseMessageOf(card));
        // The WLT decoder only ever writes a BMP: a good JPEG or PNG fixture is the same photo as a BMP.
        const good = card.identityPic === PHOTOS.jpeg || card.identityPic === PHOTOS.png;
        await writeFile(file('photo.bin'), photoBytes(good ? PHOTOS.bmp : card.identityPic));
      } else {
        await writeFile(file('fields.gbk'), cvrFields(card));
        await writeFile(file('photo.bin'), photoBytes(card.identityPic));
      }
    },
    async lift() {
      for (const name of ['card.bin', 'fields.gbk', 'photo.bin', 'read_done']) await drop(name);
    },
    steps,
    resetCalls: () => drop('calls.log'),
    async nextStep(step, again = true) {
      const seen = again ? (await steps()).filter((s) => s === step).length : 0;
      for (;;) {
        // Listening before looking: a change between the look and the wait is not missed.
        const changed = once(watcher, 'change');
        if ((await steps()).filter((s) => s === step).length > seen) return;
        await changed;
      }
    },
    async hold() {
      await writeFile(file('hold'), '');
      return () => drop('hold');
    },
    async close() {
      watcher.close();
      await rm(control, { recursive: true, force: true });
    },
  };
  await fake.set({ fault: 'none', samId: '05.01-20231108-0012345678' });
  return fake;
}
