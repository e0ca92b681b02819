import type { EntityReportContent, SpecialReportContent } from '../../../shared/domain/entityReport';
import type { ReportLang } from '../reportLabels';
import type { EntityPdfInput } from './entityPdfParts';
import { renderEntityReportPdf } from './entityReportPdf';
import type { FinishedPdf } from './layout';
import { renderNoticePdf, type NoticeContent } from './noticePdf';
import { renderReceiptPdf, type ReceiptContent } from './receiptPdf';
import { renderReportPdf, type ReportPdfInput } from './reportPdf';
import { renderSpecialReportPdf } from './specialReportPdf';

// Every document the core prints, as one plain-data job: the assembled content and its frame
// (language, QR, verification code, copy number). The PDF workers (pdfWorker.ts) and a render on
// the calling thread both go through renderPdfJob, so the same job is the same bytes wherever it
// is rendered: what was previewed is what prints.

export type PdfJob =
  | { kind: 'report'; input: ReportPdfInput }
  | { kind: 'entityReport'; input: EntityPdfInput<EntityReportContent> }
  | { kind: 'specialReport'; input: EntityPdfInput<SpecialReportContent> }
  | { kind: 'receipt'; content: ReceiptContent; copyNo: number; createdAt: string; lang: ReportLang }
  | { kind: 'notice'; content: NoticeContent; lang: ReportLang };

/** What a document is once rendered: its bytes and page count (the layout's boxes stay behind). */
export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

export function renderPdfJob(job: PdfJob): Promise<FinishedPdf> {
  switch (job.kind) {
    case 'report':
      return renderReportPdf(job.input);
    case 'entityReport':
      return renderEntityReportPdf(job.input);
    case 'specialReport':
      return renderSpecialReportPdf(job.input);
    case 'receipt':
      return renderReceiptPdf(job.content, job.copyNo, job.createdAt, job.lang);
    case 'notice':
      return renderNoticePdf(job.content, job.lang);
  }
}

/** Renders documents: the core's pool of PDF workers (pdfPool.ts), or the calling thread. */
export interface PdfRenderer {
  render(job: PdfJob): Promise<RenderedPdf>;
}

/** Messages between the pool and a worker: one job at a time per worker, answered by id. */
export interface PdfRequest {
  id: number;
  job: PdfJob;
}
export type PdfReply =
  | { id: number; ok: true; bytes: ArrayBuffer; pages: number }
  | { id: number; ok: false; error: { app: boolean; code: string; message: string; details?: Record<string, unknown>; stack?: string } };
