import { createRequire } from 'node:module';
import type PDFDocumentClass from 'pdfkit';

const requireHere = createRequire(import.meta.url);
let loaded: typeof PDFDocumentClass | undefined;

/**
 * pdfkit, loaded at the first document rather than at start: loading it (and fontkit) takes about
 * 150 ms, which every launch of the console would otherwise spend before the login screen.
 */
export function pdfKit(): typeof PDFDocumentClass {
  return (loaded ??= requireHere('pdfkit') as typeof PDFDocumentClass);
}
