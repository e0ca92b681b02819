import { z } from 'zod';
import { isIsoDate } from '../calendar/dates';

// Shared field schemas: every string that reaches the core has an upper bound, so an oversized
// value is a typed VALIDATION error rather than a row in the database.
export const shortText = (max = 100) => z.string().trim().min(1).max(max);
export const username = z.string().trim().min(2).max(32).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ -');
export const password = z.string().min(1).max(200);
/** A real calendar day as YYYY-MM-DD: 2027-02-30 has the right shape and is still refused. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isIsoDate, { message: 'not a calendar date (e.g. 30 February)' });
export const idText = z.string().trim().max(32);
export const pageSize = z.number().int().min(1).max(500).default(100);
/** Keyset cursor: the last row id seen; pages go backwards in time. */
export const cursor = z.number().int().positive().nullable().default(null);
