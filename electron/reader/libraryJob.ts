// What the card reader's library worker is asked to do and what it answers (issue 25). The worker
// only calls the vendor's functions and reports their return codes and bytes; what a code means
// and how the bytes decode is decided on the serving side (sdtLibraryAdapter.ts, cvrLibraryAdapter.ts).

export type LibraryFamily = 'sdt' | 'cvr';

export interface LibraryJob {
  family: LibraryFamily;
  /** Bare file name, checked by shared/validators/readerLibrary.ts. */
  library: string;
  /** The WLT photo decoder's bare file name (SDT family only); null where none is known. */
  decoder: string | null;
  /** The directory the core was given at start-up, or null for the loader's own search path. */
  dir: string | null;
  /** The vendor's port number: 1–16 serial, 1001–1016 USB. */
  port: number;
  /** Only close the device: after a read that was stopped at its deadline (libraryRead.ts). */
  closeOnly?: boolean;
}

/** A vendor call that did not return its success code (or a library or symbol that is missing). */
export interface LibraryFailure {
  ok: false;
  step: string;
  /** The function's return code; null when the library could not be loaded or lacks the function. */
  result: number | null;
  reason?: 'library_missing' | 'symbol_missing';
  message: string;
}

export interface SdtRaw {
  family: 'sdt';
  /** The chip's 256-byte UCS-2 text block. */
  text: Uint8Array;
  /** The decoder's BMP, or why there is none. */
  photo: { bmp: Uint8Array } | { problem: 'no_decoder' | 'undecodable' };
  samId: string | null;
}

export interface CvrRaw {
  family: 'cvr';
  /** Each Get* field's bytes as the library hands them over (GBK). */
  fields: Record<string, Uint8Array>;
  photo: Uint8Array;
  samId: string | null;
}

export type LibraryOutcome = { ok: true; raw: SdtRaw | CvrRaw } | LibraryFailure;
