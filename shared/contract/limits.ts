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
/**
 * The service hall's numbers on a visit (issue 23): the queue ticket (排队号) the hall's queue
 * machine printed and the hall's case number (办件编号) from its case system, typed or scanned.
 * Printable ASCII letters, digits and '-' only, as those machines print them.
 */
export const QUEUE_TICKET_MAX = 16;
export const HALL_CASE_NO_MAX = 40;
export const HALL_NUMBER_CHARS = /^[A-Za-z0-9-]+$/;
/** The evaluation device's address the administrator types (http or https). */
export const EVALUATION_URL_MAX = 200;
