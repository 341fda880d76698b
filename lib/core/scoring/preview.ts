import type { Activity } from '../model/activity';
import type { Contact } from '../model/contact';
import type { ScoringModel } from '../model/scoring';
import { GRADES, type Grade } from '../model/scoring';
import type { GradeCounts, ScoredFigures, ScoringPreview, ScoringPreviewItem } from '../model/scoring-preview';
import { scoreContact, type ScoringRules } from './score';

/** A contact with everything it is scored on: its profile and its activity (scoreContact counts only a person's). */
export interface ScoredInput {
  contact: Contact;
  activities: readonly Activity[];
}

/**
 * What replacing `current` with `proposed` would change, scoring every contact at `now` under both models exactly as
 * the lead picture does: how many change grade (from → to), start or stop qualifying as an MQL, and the contacts that
 * change, the most consequential first (MQL flag, then grade, then the size of the score change, then by address).
 */
export function previewScoring(
  current: ScoringRules,
  proposed: ScoringModel,
  inputs: readonly ScoredInput[],
  now: Date,
  limit: number,
): ScoringPreview {
  const grades = { current: emptyGrades(), proposed: emptyGrades() };
  const moves = new Map<string, { from: Grade; to: Grade; count: number }>();
  const mql = { current: 0, proposed: 0, starting: 0, stopping: 0 };
  const changed: ScoringPreviewItem[] = [];

  for (const { contact, activities } of inputs) {
    const before = figuresOf(current, contact, activities, now);
    const after = figuresOf(proposed, contact, activities, now);
    grades.current[before.grade] += 1;
    grades.proposed[after.grade] += 1;
    if (before.qualifiesAsMql) mql.current += 1;
    if (after.qualifiesAsMql) mql.proposed += 1;
    if (after.qualifiesAsMql && !before.qualifiesAsMql) mql.starting += 1;
    if (before.qualifiesAsMql && !after.qualifiesAsMql) mql.stopping += 1;
    if (before.grade !== after.grade) {
      const key = `${before.grade}${after.grade}`;
      const move = moves.get(key) ?? { from: before.grade, to: after.grade, count: 0 };
      move.count += 1;
      moves.set(key, move);
    }
    if (before.score !== after.score || before.grade !== after.grade || before.qualifiesAsMql !== after.qualifiesAsMql) {
      changed.push({ id: contact.id, email: contact.email, name: contact.name, company: contact.company, stage: contact.stage, current: before, proposed: after });
    }
  }

  changed.sort(mostConsequentialFirst);
  return {
    scoredAt: now.toISOString(),
    scored: inputs.length,
    changed: changed.length,
    grades: {
      ...grades,
      changes: [...moves.values()].sort((a, b) => b.count - a.count || gradeOrder(a.from) - gradeOrder(b.from) || gradeOrder(a.to) - gradeOrder(b.to)),
    },
    mql,
    items: changed.slice(0, limit),
    more: changed.length > limit,
  };
}

function figuresOf(model: ScoringRules, contact: Contact, activities: readonly Activity[], now: Date): ScoredFigures {
  const { score, fit, engagement, grade, qualifiesAsMql } = scoreContact(model, contact, activities, now);
  return { score, fit, engagement, grade, qualifiesAsMql };
}

function mostConsequentialFirst(a: ScoringPreviewItem, b: ScoringPreviewItem): number {
  return (
    Number(flips(b)) - Number(flips(a)) ||
    Number(b.current.grade !== b.proposed.grade) - Number(a.current.grade !== a.proposed.grade) ||
    Math.abs(b.proposed.score - b.current.score) - Math.abs(a.proposed.score - a.current.score) ||
    (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)
  );
}

const flips = (item: ScoringPreviewItem) => item.current.qualifiesAsMql !== item.proposed.qualifiesAsMql;
const gradeOrder = (grade: Grade) => GRADES.indexOf(grade);
const emptyGrades = (): GradeCounts => ({ A: 0, B: 0, C: 0, D: 0 });
