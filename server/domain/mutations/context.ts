import type { Mutation } from '../../../lib/core/model/mutations';
import type { Caller } from '../../context';

/** What every mutation handler is given: who asks, and the server's time for this mutation. */
export interface MutationContext {
  caller: Caller;
  now: Date;
}

/** One member of the Mutation union, by its type: `MutationOf<'attempt.log'>`. */
export type MutationOf<T extends Mutation['type']> = Extract<Mutation, { type: T }>;
