import type { z } from 'zod';
import type { Access } from './permissions';

/** Requests are small unless a method says otherwise (file uploads). */
export const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

/** A contract entry: the input schema is checked at runtime, the output type only at compile time. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Largest request body the HTTP host reads for this method (default 1 MiB). */
  maxRequestBytes?: number;
  /** Phantom: carries the output type; never read at runtime. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access; maxRequestBytes?: number }): MethodSpec<I, O> => spec;
}

/** The request size that carries `fileBytes` of file as base64 plus the rest of a small JSON body. */
export function uploadRequestBytes(fileBytes: number): number {
  return Math.ceil(fileBytes / 3) * 4 + 64 * 1024;
}
