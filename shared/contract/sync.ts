import { z } from 'zod';
import { method, uploadRequestBytes } from './method';
import { shortText } from './fields';
import { MAX_UPLOAD_BYTES } from './limits';

export { MAX_UPLOAD_BYTES };

// Air-gapped sync (DESIGN.md §7). Files travel through the API as bytes only (base64 within a
// cap: the console uploads and downloads them); no file path ever crosses the API, so no caller can
// make the core read or write a file of its choosing. The staff command line, which picks its own
// files, calls the sync services directly and carries bundles over the cap.

/** 64 MiB of file = ~87 MiB of base64; larger bundles go through the command line. */
const base64 = z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const fileName = z.string().trim().min(1).max(200);

export const fileSource = z.object({ kind: z.literal('upload'), fileName, base64 }).strict();
export type FileSource = z.infer<typeof fileSource>;

export interface SyncKeyInfo { purpose: string; owner: string; fingerprint: string; status: string }

export interface TrustPreviewView { keyringVersion: number; fingerprint: string; keys: SyncKeyInfo[] }

export interface SyncStatus {
  provisioned: boolean;
  officeCode: string;
  officeName: string;
  keyringVersion: number | null;
  keyringFingerprint: string | null;
  channels: { sender: string; channel: string; lastSequence: number; updatedAt: string }[];
  lastExport: { sequence: number; createdAt: string; acknowledgedAt: string | null } | null;
}

export interface ProvisionResult { fingerprint: string; requestFileName: string; requestBase64: string }

export interface ImportPreview {
  stagedId: string;
  fileName: string;
  purpose: string;
  sender: string;
  channel: string;
  sequence: number;
  createdAt: string;
  expiresAt: string;
  bundleHash: string;
  counts: Record<string, number>;
}

/** Where a running import stands: its phase, rows written of the total, and an estimate once one can be made. */
export interface ImportProgressView {
  /** checking: the checks before decryption; applying: decrypting, verifying and writing as the file streams; finishing: recording it. */
  phase: 'checking' | 'applying' | 'finishing';
  done: number;
  total: number;
  elapsedMs: number;
  estimateMs: number | null;
  /** True until the content has been read whole (a stop then rolls everything back). */
  cancellable: boolean;
}

export interface ImportResult {
  result: 'applied' | 'already_imported';
  sequence: number;
  sender: string;
  counts: Record<string, number>;
  /** A sentence for the person, in both languages (already-imported says nothing changed). */
  message: { zh: string; en: string };
  acknowledgedExports: number[];
}

export interface BundleInView {
  id: number;
  at: string;
  fileName: string | null;
  sender: string | null;
  purpose: string | null;
  sequence: number | null;
  createdAt: string | null;
  expiresAt: string | null;
  result: 'applied' | 'already_imported' | 'refused';
  counts: Record<string, number>;
  refusedCode: string | null;
  /** The refusal sentence in English and in Chinese (null in rows from before migration 5: show the English). */
  refusedReason: string | null;
  refusedReasonZh: string | null;
}

export interface BundleOutView {
  sequence: number;
  fileName: string;
  createdAt: string;
  sizeBytes: number;
  counts: Record<string, number>;
  acknowledgedAt: string | null;
  kept: boolean;
}

export interface ExportFile { sequence: number; fileName: string; sizeBytes: number; counts: Record<string, number>; base64: string | null; writtenTo: string | null }

export const syncContract = {
  'sync.status': method<SyncStatus>()({ input: z.object({}).strict(), access: 'session' }),
  'sync.trustPreview': method<TrustPreviewView>()({ input: z.object({ trust: fileSource }).strict(), access: 'office.provision', maxRequestBytes: uploadRequestBytes(MAX_UPLOAD_BYTES) }),
  'sync.provision': method<ProvisionResult>()({
    input: z
      .object({
        officeCode: z.string().trim().regex(/^\d{6}-\d{2}$/, '370306-02'),
        officeName: shortText(100),
        trust: fileSource,
        confirmFingerprint: z.string().trim().min(1).max(100),
      })
      .strict(),
    access: 'office.provision',
    maxRequestBytes: uploadRequestBytes(MAX_UPLOAD_BYTES),
  }),
  'sync.enrollmentRequest': method<ProvisionResult>()({ input: z.object({}).strict(), access: 'office.provision' }),
  'sync.importCheck': method<ImportPreview>()({ input: z.object({ source: fileSource }).strict(), access: 'sync.import', maxRequestBytes: uploadRequestBytes(MAX_UPLOAD_BYTES) }),
  'sync.importApply': method<ImportResult>()({ input: z.object({ stagedId: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), access: 'sync.import' }),
  'sync.importProgress': method<ImportProgressView | null>()({
    input: z.object({ stagedId: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    access: 'sync.import',
  }),
  'sync.importCancel': method<{ cancelled: boolean }>()({ input: z.object({ stagedId: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), access: 'sync.import' }),
  'sync.importHistory': method<BundleInView[]>()({ input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), access: 'sync.import' }),
  'sync.exportPending': method<Record<string, number>>()({ input: z.object({}).strict(), access: 'sync.export' }),
  'sync.exportWrite': method<ExportFile>()({ input: z.object({}).strict(), access: 'sync.export' }),
  'sync.exportAgain': method<ExportFile>()({
    input: z.object({ sequence: z.number().int().min(1) }).strict(),
    access: 'sync.export',
  }),
  'sync.exportHistory': method<BundleOutView[]>()({ input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), access: 'sync.export' }),
};
