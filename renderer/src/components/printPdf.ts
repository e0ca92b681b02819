/**
 * Printing and saving the PDF the preview shows (the same bytes). In Electron the shell sends the
 * file to the OS spooler (printer chosen here, A4, copies explicit) and answers whether the job was
 * accepted; in browser mode the browser's PDF viewer prints it, and only the clerk can tell
 * whether paper came out, so the caller asks.
 */

export function pdfBytes(pdfBase64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(pdfBase64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function pdfBlobUrl(pdfBase64: string): string {
  return URL.createObjectURL(new Blob([pdfBytes(pdfBase64)], { type: 'application/pdf' }));
}

export const canPrintThroughOs = (): boolean => Boolean(window.creditdesk?.printPdf);

export async function osPrinters(): Promise<{ name: string; isDefault: boolean }[]> {
  return window.creditdesk?.printers ? window.creditdesk.printers() : [];
}

/** 'accepted': the spooler took the job (count it); 'cancelled'/'failed': do not count. 'ask': browser mode. */
export type PrintResult = { outcome: 'accepted' } | { outcome: 'failed'; reason: string } | { outcome: 'ask' };

export async function printPdf(pdfBase64: string, frame: HTMLIFrameElement | null, printer: string | null): Promise<PrintResult> {
  if (window.creditdesk?.printPdf) {
    const r = await window.creditdesk.printPdf(pdfBytes(pdfBase64), { printer, copies: 1 });
    return r.ok ? { outcome: 'accepted' } : { outcome: 'failed', reason: r.reason ?? 'print failed' };
  }
  // The viewer in the frame prints its own document; where the browser does not allow that, the
  // PDF opens in a tab whose viewer has a print button.
  try {
    frame?.contentWindow?.print();
  } catch {
    if (frame?.src) window.open(frame.src, '_blank', 'noopener');
  }
  return { outcome: 'ask' };
}

/** true when the file was written (Electron: the chosen path; browser: the download was started). */
export async function savePdf(pdfBase64: string, name: string): Promise<boolean> {
  if (window.creditdesk?.savePdf) return (await window.creditdesk.savePdf(pdfBytes(pdfBase64), name)).ok;
  const url = pdfBlobUrl(pdfBase64);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.pdf`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
