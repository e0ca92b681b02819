// Messages between the sync service and the bundle worker. Everything here is structured-clone
// data: rows travel as the JSON text their SQL statement binds as one parameter, so the main
// thread neither parses nor serialises a row.
import type { KeyObject } from 'node:crypto';
import type { OfficeContent } from '../office/updateContent';
import type { Limits } from '../bundle/index';

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
  /** Reader limits (tests lower them; the defaults otherwise). */
  limits?: Partial<Limits>;
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

export type ImportPhase = 'checking' | 'applying' | 'finishing';

export type { PlatformKind } from '../office/updateContent';
import type { PlatformKind } from '../office/updateContent';

/** What the worker found at the end of the content, everything verified. */
export interface ContentEnd {
  type: 'end';
  office: OfficeContent;
  /** A keyring bundle's next keyring, checked against the pinned one. */
  newKeyring: { version: number; envelope: unknown; fingerprint: string } | null;
}

export type WorkerMessage =
  | { type: 'phase'; phase: ImportPhase }
  | { type: 'preview'; summary: BundleSummary; counts: Record<string, number> }
  /** The checks before decryption passed: the content follows. */
  | { type: 'header'; summary: BundleSummary }
  /** The manifest, checked: lines per kind, and the platform rows to come. */
  | { type: 'manifest'; counts: Record<string, number>; platformRows: number }
  /**
   * `subjects`: for records and list entries, the batch's distinct subject central ids as one JSON
   * array, what the per-subject caps count (binding it spares SQLite a second parse of `json`).
   */
  | { type: 'batch'; kind: PlatformKind; json: string; rows: number; firstLine: number; subjects: string | null }
  | ContentEnd
  | { type: 'refused'; source: 'bundle' | 'sync'; code: string; params: Record<string, string | number>; summary: BundleSummary | null }
  | { type: 'failed'; message: string };

export type MainMessage = { type: 'next' };
