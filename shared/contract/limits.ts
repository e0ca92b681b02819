// The limits a form checks before sending and the contract enforces on arrival: one number each,
// here, in a module without zod so the renderer can import them without the schema library.

/** An uploaded scan (authorization letter, evidence). */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
/** Files attached to one objection. */
export const MAX_ATTACHMENTS = 5;
/** An objection's description, in UTF-16 units after trimming (as the form counts). */
export const DESCRIPTION_MAX = 2000;
/** A bundle or backup uploaded through the console. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** The idle time after which a window locks itself, in minutes. */
export const IDLE_LOCK_MINUTES = { min: 1, max: 60 } as const;
