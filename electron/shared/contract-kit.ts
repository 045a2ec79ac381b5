// Building blocks shared by the contract's per-domain maps (contract.ts, contract-gcp.ts,
// contract-sso.ts). No Node imports: the renderer reads these types.
import type { z } from 'zod';

/** A phantom value that carries a result type through `typeof` a contract map. */
export const returns = <T>(): T => undefined as unknown as T;

/** One operation: the zod schema of its argument and the type of its result. */
export interface OperationSpec {
  input: z.ZodType;
  result: unknown;
}

/** Handlers for a map of operations, each given its parsed argument. */
export type HandlersFor<M extends Record<string, OperationSpec>> = {
  [K in keyof M]: (input: z.output<M[K]['input']>) => Promise<M[K]['result']>;
};
