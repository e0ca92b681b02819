import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';

/** The PDF a preview frame shows: its blob's type is checked and its bytes fetched inside the page. */
export async function framePdf(scope: Page | Locator): Promise<Buffer> {
  const frame = scope.getByTestId('pdf-frame');
  await expect(frame).toBeVisible();
  const src = (await frame.getAttribute('src')) ?? '';
  expect(src).toMatch(/^blob:/);
  const got = await frame.evaluate(async (el) => {
    const blob = await (await fetch((el as HTMLIFrameElement).src)).blob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return { type: blob.type, b64: btoa(bin) };
  });
  expect(got.type).toBe('application/pdf');
  const pdf = Buffer.from(got.b64, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdf;
}

/** The PDF's text as poppler reads it, whitespace removed (tight table lines lose their spaces). */
export function pdfFlatText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');
}
