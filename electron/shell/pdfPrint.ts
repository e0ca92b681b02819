import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Printing a finished PDF through the operating system's own PDF path: CUPS `lp` on Linux and
// macOS (unix-print), SumatraPDF on Windows (pdf-to-printer). A4, no scaling and the number of
// copies are always explicit, so the printer's defaults cannot change what comes out. Plain
// functions, no Electron: the IPC handler in printIpc.ts only checks the sender and calls these.

export interface PrintRequest {
  printer: string | null;
  copies: number;
}

export interface PrintOutcome {
  ok: boolean;
  /** The spooler's job id where it tells one (CUPS: "request id is P-12"). */
  jobId: string | null;
  reason: string | null;
}

export const MAX_PDF_BYTES = 64 * 1024 * 1024;
export const MAX_COPIES = 10;

/** The `lp` options for one job. */
export function lpOptions(req: PrintRequest): string[] {
  return ['-n', String(req.copies), '-o', 'media=A4', '-o', 'print-scaling=none', '-o', 'fit-to-page=false'];
}

/** The CUPS job id in `lp`'s answer, e.g. "request id is Office-12 (1 file(s))". */
export function cupsJobId(stdout: string): string | null {
  return /request id is (\S+)/.exec(stdout)?.[1] ?? null;
}

export function checkRequest(bytes: unknown, req: { printer?: unknown; copies?: unknown }): { pdf: Buffer; req: PrintRequest } | string {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > MAX_PDF_BYTES) return 'no printable document';
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return 'not a PDF';
  const copies = req.copies ?? 1;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) return 'copies must be 1 to 10';
  const printer = req.printer ?? null;
  if (printer !== null && (typeof printer !== 'string' || printer.length === 0 || printer.length > 200 || /[\0\n\r]/.test(printer))) return 'no such printer';
  return { pdf, req: { printer, copies } };
}

/** Writes the bytes to a private temporary file for the spooler and removes it afterwards. */
async function withTempPdf<T>(pdf: Buffer, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'creditdesk-print-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf, { mode: 0o600 });
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function listPrinters(platform = process.platform): Promise<{ name: string; isDefault: boolean }[]> {
  if (platform === 'win32') {
    const { getPrinters, getDefaultPrinter } = await import('pdf-to-printer');
    const [all, def] = await Promise.all([getPrinters(), getDefaultPrinter().catch(() => null)]);
    return all.map((p) => ({ name: p.name, isDefault: p.name === def?.name }));
  }
  const { getPrinters, getDefaultPrinter } = await import('unix-print');
  const [all, def] = await Promise.all([getPrinters(), getDefaultPrinter().catch(() => null)]);
  return all.map((p) => ({ name: p.printer, isDefault: p.printer === def?.printer }));
}

export async function printPdf(pdf: Buffer, req: PrintRequest, platform = process.platform): Promise<PrintOutcome> {
  try {
    return await withTempPdf(pdf, async (file) => {
      if (platform === 'win32') {
        const { print } = await import('pdf-to-printer');
        await print(file, { ...(req.printer ? { printer: req.printer } : {}), copies: req.copies, paperSize: 'A4', scale: 'noscale' });
        return { ok: true, jobId: null, reason: null };
      }
      const { print } = await import('unix-print');
      const out = await print(file, req.printer ?? undefined, lpOptions(req));
      return { ok: true, jobId: cupsJobId(out.stdout), reason: null };
    });
  } catch (err) {
    return { ok: false, jobId: null, reason: (err as Error).message.split('\n')[0] ?? 'print failed' };
  }
}
