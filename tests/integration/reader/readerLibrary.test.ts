import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AppError } from '../../../shared/errors';
import { parseReaderLibrary } from '../../../shared/validators/readerLibrary';
import { makeReader } from '../../../electron/reader/makeReader';
import { sdtLibraryAdapter } from '../../../electron/reader/sdtLibraryAdapter';
import { observedError } from '../../support/errorCoverage';
import { CARDS } from '../../support/fakeCardReader/fixtures';
import { buildStubLibrary, startFakeReaderLibrary, STUB_DECODER, STUB_LIBRARY, type FakeReaderLibrary } from '../../support/fakeReaderLibrary/fakeReaderLibrary';

// The library adapters' own faults (issue 25), beyond the contract every adapter meets
// (readerContract.test.ts): the library is named by its bare file name only, and what the SDK's
// codes and the photo decoder can say that a vendor service cannot.

const stub = await buildStubLibrary();

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AppError, `an AppError, not ${String(err)}`);
    observedError(err.code);
    return err;
  }
  assert.fail('expected a refusal');
}

describe('reader library names: a bare file name, never a path', () => {
  it('refuses every path, drive, traversal and non-library name before anything is loaded', async () => {
    const refused = ['../libreaderstub.so', '/tmp/libreaderstub.so', 'C:\\Windows\\sdtapi.dll', 'sub/sdtapi.dll', 'sdtapi', '..', 'lib..so', 'sdtapi.dll:stream', '\\\\server\\share\\sdtapi.dll', ' ', 'sdtapi.exe', `${'a'.repeat(100)}.dll`];
    for (const library of refused) {
      assert.equal(parseReaderLibrary(library).ok, false, library);
      const err = await refusal(Promise.resolve().then(() => makeReader({ adapter: 'sdt_lib', url: '', timeoutMs: 2000, library, libraryPort: 1001 }, { libraryDir: null })));
      assert.deepEqual([err.code, err.details?.reason], ['READER_ADDRESS_REFUSED', 'library_name'], library);
    }
    for (const library of ['sdtapi.dll', 'Termb.dll', 'libwlt2bmp.so', 'libtermb.so.1', 'libreaderstub.so']) assert.ok(parseReaderLibrary(library).ok, library);
  });
});

describe('reader library faults', { skip: 'skip' in stub ? stub.skip : false }, () => {
  let fake: FakeReaderLibrary;
  let dir: string;
  before(async () => {
    if ('skip' in stub) return;
    dir = stub.dir;
    fake = await startFakeReaderLibrary('sdt');
  });
  after(async () => {
    await fake?.close();
    if (!('skip' in stub)) await stub.remove();
  });
  beforeEach(async () => {
    await fake.set({ fault: 'none' });
    await fake.lift();
  });
  const sdt = (extra: { decoder?: string | null; library?: string } = {}) => sdtLibraryAdapter({ library: STUB_LIBRARY, port: 1001, timeoutMs: 5000, dir, decoder: STUB_DECODER, ...extra });

  it('the reader reports its own receive timeout (0x02): told as a timeout', async () => {
    await fake.set({ fault: 'timeout_code' });
    await fake.place(CARDS.resident);
    assert.equal((await refusal(sdt().read())).code, 'READER_TIMEOUT');
  });

  it('no WLT photo decoder beside the library: the photo is refused by name, never shown half-made', async () => {
    await fake.place(CARDS.resident);
    const err = await refusal(sdt({ decoder: 'libnodecoder.so' }).read());
    assert.deepEqual([err.code, err.details?.reason], ['READER_PHOTO_CORRUPT', 'no_decoder']);
  });

  it('a file of that name that is not a library: told as the driver not installed, nothing read', async () => {
    await writeFile(join(dir, 'libjunk.so'), 'not a shared library');
    await fake.place(CARDS.resident);
    const err = await refusal(sdt({ library: 'libjunk.so' }).read());
    assert.deepEqual([err.code, err.details?.reason], ['READER_SERVICE_DOWN', 'library_missing']);
  });

  it('the directory given at start-up is where the library is looked for; the settings name only the file', async () => {
    await fake.place(CARDS.resident);
    const reader = makeReader({ adapter: 'sdt_lib', url: '', timeoutMs: 5000, library: STUB_LIBRARY, libraryPort: 1001 }, { libraryDir: dir });
    // The decoder is found in the same directory, by its own fixed name.
    assert.equal((await reader.read()).card.name, '张三');
    const elsewhere = makeReader({ adapter: 'sdt_lib', url: '', timeoutMs: 5000, library: STUB_LIBRARY, libraryPort: 1001 }, { libraryDir: join(dir, 'missing') });
    assert.equal((await refusal(elsewhere.read())).code, 'READER_SERVICE_DOWN');
  });
});
