import { z } from 'zod';
import { StageOutcome } from './outcomes';
import { Id, Instant, Version } from './primitives';
import { LifecycleStage } from './vocabulary';

/** Who moved a contact: a person, a rule (the MQL threshold), an import, or the server itself (a form fill). */
export const STAGE_ACTOR_KINDS = ['user', 'rule', 'import', 'system'] as const;
export const StageActorKind = z.enum(STAGE_ACTOR_KINDS);
export type StageActorKind = z.infer<typeof StageActorKind>;

/**
 * One lifecycle change, as it happened (docs/vocabulary.md § Stage history and closed loop). `from` is null for the
 * stage a contact started in. `reconstructed` marks the one entry a contact got when history began to be recorded:
 * its stage then, not a move anyone saw. `actor.name` is the user's display name as the server knows it when it sends
 * the row (the extension has no list of users, and the timeline says who moved a lead); null for a rule, an import or
 * the system. Stage changes are synced rows: `version` orders them among the rest (docs/sync.md).
 */
export const StageChange = z.object({
  id: Id,
  contactId: Id,
  from: LifecycleStage.nullable(),
  to: LifecycleStage,
  at: Instant,
  actor: z.object({ kind: StageActorKind, userId: Id.nullable(), name: z.string().nullable(), rule: z.string().nullable() }),
  reason: z.string().nullable(),
  /** The reason's code in the move's list (docs/vocabulary.md § Won, lost and reasons); `other` for a free text. */
  reasonCode: z.string().nullable().default(null),
  /** `won` or `lost` for an opportunity that closed; null for every other move. */
  outcome: StageOutcome.nullable().default(null),
  /** A win's deal value, in the workspace's currency. */
  dealValue: z.number().nonnegative().nullable().default(null),
  mutationId: Id.nullable(),
  /** Set on a move that took back an earlier one (the panel's Undo): that move's id. The history keeps both. */
  undoes: Id.nullable().default(null),
  reconstructed: z.boolean(),
  version: Version.default(0),
});
export type StageChange = z.infer<typeof StageChange>;

/** The rule that moves a contact to `mql` when its fit and engagement both reach the scoring model's thresholds. */
export const MQL_THRESHOLD_RULE = 'mql_threshold';
