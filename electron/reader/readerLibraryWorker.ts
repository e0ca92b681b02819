import { parentPort, workerData } from 'node:worker_threads';
import type { CvrRaw, LibraryFailure, LibraryJob, LibraryOutcome, SdtRaw } from './libraryJob';
import { cvrFunctions, LibraryMissing, sdtFunctions, wltDecoder } from './vendorFunctions';

// One card read through a vendor library, in a worker thread of its own (issue 25): the vendor's
// calls block, some for seconds, and a reader that never answers blocks for good. Off the serving
// thread, a hung call costs only this worker, which the serving side stops at the read's deadline
// (libraryRead.ts). The device is closed after every open, whatever failed in between.

const SDT = { done: 0x90, found: 0x9f } as const;
const CVR_DONE = 1;
/** The BMP the WLT decoder writes: 102 × 126 pixels, 24 bits, rows padded to 4 bytes, 54-byte header. */
const WLT_BMP_BYTES = 38_862;
const PHOTO_BUFFER = 64 * 1024;

class Failed extends Error {
  constructor(readonly failure: LibraryFailure) {
    super(failure.message);
  }
}

function expect(step: string, result: number, done: number): void {
  if (result !== done) throw new Failed({ ok: false, step, result, message: `${step} returned 0x${result.toString(16)}` });
}

const cString = (bytes: Uint8Array): string => {
  const end = bytes.indexOf(0);
  return Buffer.from(bytes.subarray(0, end < 0 ? bytes.length : end)).toString('latin1').trim();
};

function readSdt(job: LibraryJob): SdtRaw {
  const sdt = sdtFunctions(job);
  const decode = wltDecoder(job);
  expect('SDT_OpenPort', sdt.SDT_OpenPort(job.port) as number, SDT.done);
  try {
    const samBuffer = Buffer.alloc(128);
    const samId = sdt.SDT_GetSAMIDToStr && sdt.SDT_GetSAMIDToStr(job.port, samBuffer, 0) === SDT.done ? cString(samBuffer) : null;
    expect('SDT_StartFindIDCard', sdt.SDT_StartFindIDCard(job.port, Buffer.alloc(8), 0) as number, SDT.found);
    expect('SDT_SelectIDCard', sdt.SDT_SelectIDCard(job.port, Buffer.alloc(8), 0) as number, SDT.done);
    const text = Buffer.alloc(256);
    const wlt = Buffer.alloc(1024);
    const textLen = [0];
    const wltLen = [0];
    expect('SDT_ReadBaseMsg', sdt.SDT_ReadBaseMsg(job.port, text, textLen, wlt, wltLen, 0) as number, SDT.done);
    let photo: SdtRaw['photo'] = { problem: 'no_decoder' };
    if (decode) {
      const bmp = Buffer.alloc(WLT_BMP_BYTES);
      photo = decode(wlt, bmp, 0) === 1 ? { bmp: new Uint8Array(bmp) } : { problem: 'undecodable' };
    }
    return { family: 'sdt', text: new Uint8Array(text.subarray(0, Math.min(textLen[0] ?? 0, 256))), photo, samId };
  } finally {
    sdt.SDT_ClosePort(job.port);
  }
}

function readCvr(job: LibraryJob): CvrRaw {
  const cvr = cvrFunctions(job);
  expect('CVR_InitComm', cvr.CVR_InitComm(job.port) as number, CVR_DONE);
  try {
    expect('CVR_Authenticate', cvr.CVR_Authenticate() as number, CVR_DONE);
    // 4: every field of the card; CVR_Read_Content(4) is the older builds' whole read.
    if (cvr.CVR_Read_FPContent) expect('CVR_Read_FPContent', cvr.CVR_Read_FPContent() as number, CVR_DONE);
    else if (cvr.CVR_Read_Content) expect('CVR_Read_Content', cvr.CVR_Read_Content(4) as number, CVR_DONE);
    else throw new LibraryMissing('symbol_missing', 'load', `${job.library} has neither CVR_Read_FPContent nor CVR_Read_Content`);
    const fields: Record<string, Uint8Array> = {};
    for (const [key, get] of Object.entries(cvr.text)) {
      if (!get) continue;
      const buffer = Buffer.alloc(512);
      const len = [buffer.length];
      if (get(buffer, len) === CVR_DONE) fields[key] = new Uint8Array(buffer.subarray(0, Math.max(0, Math.min(len[0] ?? 0, buffer.length))));
    }
    const photo = Buffer.alloc(PHOTO_BUFFER);
    const photoLen = [photo.length];
    const gotPhoto = cvr.GetBMPData(photo, photoLen) === CVR_DONE;
    const samBuffer = Buffer.alloc(128);
    const samId = cvr.CVR_GetSAMID && cvr.CVR_GetSAMID(samBuffer) === CVR_DONE ? cString(samBuffer) : null;
    return { family: 'cvr', fields, photo: gotPhoto ? new Uint8Array(photo.subarray(0, Math.max(0, Math.min(photoLen[0] ?? 0, photo.length)))) : new Uint8Array(0), samId };
  } finally {
    cvr.CVR_CloseComm();
  }
}

/** The device's close from a thread of its own, for a read whose worker was stopped while blocked. */
function closeOnly(job: LibraryJob): void {
  if (job.family === 'sdt') sdtFunctions(job).SDT_ClosePort(job.port);
  else cvrFunctions(job).CVR_CloseComm();
}

function run(job: LibraryJob): LibraryOutcome | { ok: true; closed: true } {
  try {
    if (job.closeOnly) {
      closeOnly(job);
      return { ok: true, closed: true };
    }
    return { ok: true, raw: job.family === 'sdt' ? readSdt(job) : readCvr(job) };
  } catch (err) {
    if (err instanceof Failed) return err.failure;
    if (err instanceof LibraryMissing) return { ok: false, step: err.step, result: null, reason: err.reason, message: err.message };
    throw err;
  }
}

parentPort?.postMessage(run(workerData as LibraryJob));
