import { z } from 'zod';
import type { CardType } from '../domain/idCard';
import { method } from './method';

// The ID card reader (issue 25). The page never reaches a reader service: it asks the core with
// `reader.read`, and the core's adapter (electron/reader/) talks to the service on 127.0.0.1.

// sdt_lib and cvr_lib load the vendor's own library (the SDT_* or CVR_* family) by its bare file name.
export const READER_ADAPTER_CHOICES = ['none', 'cvr_http', 'cvr_ws', 'sdt_lib', 'cvr_lib'] as const;
export const READER_LIBRARY_ADAPTERS: readonly ReaderAdapterChoice[] = ['sdt_lib', 'cvr_lib'];
export type ReaderAdapterChoice = (typeof READER_ADAPTER_CHOICES)[number];

export interface ReaderSettings {
  adapter: ReaderAdapterChoice;
  /** '' while no adapter is chosen. */
  url: string;
  timeoutMs: number;
  /** The library adapters': the library's bare file name (never a path; '' otherwise) and the reader's port (1–16 serial, 1001–1016 USB). */
  library?: string;
  libraryPort?: number;
}

/** A card as read and checked, for the counter to fill its fields and show the photo. */
export interface ReadCard {
  /** Names this read when the lookup says the identity came from the card (proof of presence). */
  readId: string;
  type: CardType;
  number: string;
  name: string;
  nameLatin: string | null;
  sex: 'M' | 'F';
  ethnicity: string;
  birthDate: string;
  /** Masked like any personal data on a staff screen (the clerk holds the card itself). */
  addressMasked: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string | null;
  /** True only where the profile accepts an expired card with the clerk's note; the lookup then needs the note. */
  expired: boolean;
  /** For the face comparison only: never stored. */
  photo: { format: 'jpeg' | 'png' | 'bmp'; base64: string };
  securityModuleId: string | null;
}

/** What "测试读卡器" reports: the reader answered (with or without a card on it), or the state it is in. */
export interface ReaderTestResult {
  reachable: boolean;
  /** null when a card was read; the READER_* code otherwise. */
  state: string | null;
  /** The state's reason where the adapter gives one (a library not installed: library_missing), for the sentence shown. */
  reason?: string;
  securityModuleId: string | null;
}

/** What the counter needs to know of the reader and the rules before the clerk reads or types. */
export interface ReaderCounterStatus {
  /** A reader is set up: the counter offers "读卡". */
  configured: boolean;
  /** The profile asks why the identity was typed instead of read (shared/rules/idCardRules.ts). */
  typedReasonRequired: boolean;
}

const readerSettingsInput = z
  .object({
    adapter: z.enum(READER_ADAPTER_CHOICES),
    url: z.string().trim().max(200),
    timeoutMs: z.number().int().min(1000).max(30_000),
    library: z.string().trim().max(100).optional(),
    libraryPort: z.number().int().min(1).max(9999).optional(),
  })
  .strict();

export const readerContract = {
  'reader.settings': method<ReaderSettings>()({ input: z.object({}).strict(), access: 'session' }),
  /** Whether the counter offers "读卡", and whether typing needs a reason: no address, no settings. */
  'reader.counter': method<ReaderCounterStatus>()({ input: z.object({}).strict(), access: 'counter.lookup' }),
  /** The adapter and its address; a non-loopback address is refused and nothing is stored. */
  'reader.configure': method<ReaderSettings>()({ input: readerSettingsInput, access: 'settings.manage' }),
  /** "测试读卡器": one read with the given settings, saved or not; no card data is returned. */
  'reader.test': method<ReaderTestResult>()({ input: readerSettingsInput, access: 'settings.manage' }),
  /** Reads the card on the reader and checks it (shared/idcard/checkCard.ts). */
  'reader.read': method<ReadCard>()({ input: z.object({}).strict(), access: 'counter.lookup' }),
};
