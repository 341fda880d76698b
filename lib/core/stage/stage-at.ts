import type { LifecycleStage } from '../model/vocabulary';

/** The part of a recorded stage change that says where a contact was when (lib/core/model/stage-history.ts). */
export interface StageStep {
  from: LifecycleStage | null;
  to: LifecycleStage;
  at: string;
}

/**
 * The stage a contact was in at an instant, from its recorded history: the stage the last change at or before it
 * moved to. Before the first change it was in that change's `from` (or its `to`, when history begins with the stage
 * the contact started in or was reconstructed with). Without any history, the stage it is in now.
 */
export function stageAt(history: readonly StageStep[], at: string, current: LifecycleStage): LifecycleStage {
  const t = Date.parse(at);
  const ordered = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const last = ordered.filter((step) => Date.parse(step.at) <= t).at(-1);
  if (last) return last.to;
  const first = ordered[0];
  if (!first) return current;
  return first.from ?? first.to;
}
