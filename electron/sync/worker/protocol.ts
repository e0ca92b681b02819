// Messages between the sync service and the bundle worker. Everything here is structured-clone
// data: rows travel as the JSON text their SQL statement binds as one parameter, so the main
// thread neither parses nor serialises a row.
import type { KeyObject } from 'node:crypto';
import type { OfficeContent } from '../office/updateContent';

export type JobMode = 'preview' | 'open';

export interface JobInput {
  mode: JobMode;
  /** The bundle file: staged from an upload, or named on the staff command line. */
  file: string;
  /** The pinned keyring as stored (its signed envelope). */
  keyringEnvelope: unknown;
  office: { code: string };
  encryptionKey: KeyObject;
  /** Raw Ed25519 public key of the office's export signing key (to name its own exports). */
  ownExportKey: Uint8Array;
  channels: { sender: string; recipient: string; channel: string; sequence: number; bundleHash: string }[];
  now: string;
  newestVerifiedCreatedAt: string | null;
  /** Rows per batch message. */
  batchRows: number;
}

/** What the history and the preview show of a verified header. */
export interface BundleSummary {
  purpose: string;
  sender: string;
  recipient: string;
  channel: string;
  sequence: number;
  createdAt: string;
  expiresAt: string;
  bundleHash: string;
}

export type ImportPhase = 'checking' | 'decrypting' | 'verifying' | 'applying' | 'finishing';

export type PlatformKind = 'measures' | 'subjects' | 'records' | 'listEntries';

export interface VerifiedMessage {
  type: 'verified';
  summary: BundleSummary;
  counts: Record<string, number>;
  office: OfficeContent;
  /** Rows per platform kind, in the order the batches come. */
  platformRows: Record<PlatformKind, number>;
  /** A keyring bundle's next keyring, checked against the pinned one. */
  newKeyring: { version: number; envelope: unknown; fingerprint: string } | null;
}

export type WorkerMessage =
  | { type: 'phase'; phase: ImportPhase }
  | { type: 'preview'; summary: BundleSummary; counts: Record<string, number> }
  | VerifiedMessage
  | { type: 'batch'; kind: PlatformKind; json: string; rows: number; firstLine: number }
  | { type: 'end' }
  | { type: 'refused'; source: 'bundle' | 'sync'; code: string; params: Record<string, string | number>; summary: BundleSummary | null }
  | { type: 'failed'; message: string };

export type MainMessage = { type: 'next' };
