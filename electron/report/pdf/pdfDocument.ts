import { createHash } from 'node:crypto';
import type { PdfDocument } from '../../../shared/domain/report';
import type { RenderedPdf } from './pdfJob';

/** What crosses the API for a printed document: its bytes as base64, page count and digest. */
export function pdfDocumentOf(pdf: RenderedPdf): PdfDocument {
  return { pdfBase64: pdf.bytes.toString('base64'), pages: pdf.pages, sha256: createHash('sha256').update(pdf.bytes).digest('hex') };
}
