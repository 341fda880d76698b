import type { ScorePart, ScoreResult } from '../model/derived';
import type { Grade, ScoringModel } from '../model/scoring';
import { tallyEngagement, type EngagementActivity } from './engagement';
import { matchingFitRules, type FitProfile } from './fit';

/** What scoring reads from a model; a full ScoringModel will do. */
export type ScoringRules = Pick<
  ScoringModel,
  'fitRules' | 'engagementRules' | 'halfLifeDays' | 'mqlFitThreshold' | 'mqlEngagementThreshold' | 'gradeThresholds'
>;

/**
 * Decayed points carry float noise (3 × 0.1 is 0.30000000000000004): a value this close to a whole or a half
 * is taken to be exactly that, so 10.499999999999998 rounds as the 10.5 it stands for.
 */
const ROUNDING_SLACK = 1e-9;

/**
 * Score a contact: fit from the profile, engagement from what a person did, and the parts that explain it.
 * The parts add up exactly to the score (fit parts to `fit`, engagement parts to `engagement`), so the
 * explanation a rep sees never disagrees with the number next to it.
 */
export function scoreContact(model: ScoringRules, contact: FitProfile, activities: readonly EngagementActivity[], now: Date): ScoreResult {
  const fitParts: ScorePart[] = matchingFitRules(model.fitRules, contact).map((rule) => ({
    kind: 'fit',
    ruleId: rule.id,
    label: rule.label,
    // `count` tallies activities, which fit has none of.
    count: 0,
    points: rule.points,
  }));

  const tallies = tallyEngagement(model.engagementRules, activities, model.halfLifeDays, now);
  const rounded = apportionRounded(tallies.map((tally) => tally.points));
  const engagementParts: ScorePart[] = tallies.map((tally, index) => ({
    kind: 'engagement',
    ruleId: tally.rule.id,
    label: tally.rule.label,
    count: tally.count,
    points: rounded[index] ?? 0,
  }));

  const fit = sumOf(fitParts.map((part) => part.points));
  const engagement = sumOf(engagementParts.map((part) => part.points));
  return {
    score: fit + engagement,
    fit,
    engagement,
    grade: gradeFor(fit, model.gradeThresholds),
    qualifiesAsMql: fit >= model.mqlFitThreshold && engagement >= model.mqlEngagementThreshold,
    // A part worth 0 explains nothing; dropping it leaves the sums unchanged.
    parts: [...fitParts, ...engagementParts].filter((part) => part.points !== 0).sort(byWeight),
  };
}

export function gradeFor(fit: number, thresholds: ScoringModel['gradeThresholds']): Grade {
  if (fit >= thresholds.A) return 'A';
  if (fit >= thresholds.B) return 'B';
  if (fit >= thresholds.C) return 'C';
  return 'D';
}

/** Half rounds up, towards +∞ (10.5 → 11, −10.5 → −10), as Math.round does, but forgiving float noise. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + ROUNDING_SLACK);
}

/**
 * Round each value to a whole number so that the results add up to roundHalfUp(sum of the values).
 * Rounding each part on its own would not (3.5 + 3.5 + 3.5 = 10.5 → 11, but 4 + 4 + 4 = 12), so this is
 * largest-remainder rounding: every value is rounded down, then the units still missing go one each to the
 * values with the largest fractional remainders; equal remainders go to the earlier value (the rule listed
 * first in the model). 3.5, 3.5, 3.5 → 4, 4, 3.
 */
export function apportionRounded(values: readonly number[]): number[] {
  const result = values.map((value) => Math.floor(value + ROUNDING_SLACK));
  const target = roundHalfUp(sumOf(values));
  // Whole billionths, so remainders that differ only by float noise tie rather than order at random.
  const remainders = values.map((value, index) => Math.round((value - (result[index] ?? 0)) * 1e9));
  const byRemainder = values.map((_, index) => index).sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  // Between 0 and values.length by construction; clamped so float trouble can never loop or overshoot.
  const missing = Math.max(0, Math.min(values.length, target - sumOf(result)));
  for (const index of byRemainder.slice(0, missing)) result[index] = (result[index] ?? 0) + 1;
  return result;
}

/**
 * One line a rep can read: the label, how many times when more than once, and the signed points with a
 * real minus sign. "Viewed /pricing 3x +27", "VP or Head title +20", "Competitor domain −30".
 */
export function explainPart(part: Pick<ScorePart, 'label' | 'count' | 'points'>): string {
  const times = part.count > 1 ? ` ${part.count}x` : '';
  return `${part.label}${times} ${signed(part.points)}`;
}

function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `\u2212${Math.abs(points)}`;
  return '0';
}

/** Biggest effect first, either way; then by label, then by kind and rule id, so the order never depends on input order. */
function byWeight(a: ScorePart, b: ScorePart): number {
  return Math.abs(b.points) - Math.abs(a.points) || compareText(a.label, b.label) || compareText(a.kind, b.kind) || compareText(a.ruleId, b.ruleId);
}

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function sumOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
