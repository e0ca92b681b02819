import type { z } from 'zod';
import type { Access } from './permissions';

/** A contract entry: the input schema is checked at runtime, the output type only at compile time. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type; never read at runtime. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access }): MethodSpec<I, O> => spec;
}
