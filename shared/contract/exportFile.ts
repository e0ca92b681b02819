import { z } from 'zod';

/** A table exported for the office: bytes in the answer, never a path (the renderer saves it). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
  rows: number;
}

export const exportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormat>;
export const exportLang = z.enum(['zh', 'en']).default('zh');
/** Exports are capped so one click cannot build a file the size of the whole log in memory. */
export const EXPORT_MAX_ROWS = 50_000;
