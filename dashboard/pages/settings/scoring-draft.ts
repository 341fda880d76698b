import type { FitField, FitRule, ScoringModel } from '../../../lib/core/model/scoring';
import type { ActivityType } from '../../../lib/core/model/vocabulary';
import { listOf, numberOf, numberOrNull, textOf } from './drafts';

/** The scoring model as typed in its form: numbers and lists as text; `toModel` gives what the schema judges. */

export type FitOp = FitRule['op'];

export interface FitRuleDraft {
  id: string;
  field: FitField;
  op: FitOp;
  points: string;
  label: string;
  /** `equals`: the value; `one_of`: comma-separated values; `pattern`: the pattern. */
  value: string;
  min: string;
  max: string;
  /** Whether the values compare as numbers (company size): kept from the stored rule. */
  numeric: boolean;
}

export interface EngagementRuleDraft {
  id: string;
  activity: ActivityType;
  urlPattern: string;
  points: string;
  label: string;
}

export interface ScoringDraft {
  fitRules: FitRuleDraft[];
  engagementRules: EngagementRuleDraft[];
  halfLifeDays: string;
  mqlFitThreshold: string;
  mqlEngagementThreshold: string;
  autoPromoteMql: boolean;
  grades: { A: string; B: string; C: string };
  version: number;
}

function fitDraftOf(r: FitRule): FitRuleDraft {
  const base = { id: r.id, field: r.field, op: r.op, points: textOf(r.points), label: r.label, value: '', min: '', max: '', numeric: r.field === 'companySize' };
  switch (r.op) {
    case 'equals':
      return { ...base, value: String(r.value), numeric: typeof r.value === 'number' };
    case 'one_of':
      return { ...base, value: r.values.join(', '), numeric: r.values.every((v) => typeof v === 'number') };
    case 'range':
      return { ...base, min: textOf(r.min), max: textOf(r.max), numeric: true };
    case 'pattern':
      return { ...base, value: r.pattern, numeric: false };
  }
}

export function draftOf(m: ScoringModel): ScoringDraft {
  return {
    fitRules: m.fitRules.map(fitDraftOf),
    engagementRules: m.engagementRules.map((r) => ({ id: r.id, activity: r.activity, urlPattern: r.urlPattern ?? '', points: textOf(r.points), label: r.label })),
    halfLifeDays: textOf(m.halfLifeDays),
    mqlFitThreshold: textOf(m.mqlFitThreshold),
    mqlEngagementThreshold: textOf(m.mqlEngagementThreshold),
    autoPromoteMql: m.autoPromoteMql,
    grades: { A: textOf(m.gradeThresholds.A), B: textOf(m.gradeThresholds.B), C: textOf(m.gradeThresholds.C) },
    version: m.version,
  };
}

function fitRuleOf(d: FitRuleDraft): unknown {
  const base = { id: d.id, field: d.field, op: d.op, points: numberOf(d.points), label: d.label };
  const typed = (v: string) => (d.numeric ? Number(v) : v);
  switch (d.op) {
    case 'equals':
      return { ...base, value: typed(d.value.trim()) };
    case 'one_of':
      return { ...base, values: listOf(d.value).map(typed) };
    case 'range':
      return { ...base, min: numberOrNull(d.min), max: numberOrNull(d.max) };
    case 'pattern':
      return { ...base, pattern: d.value.trim() };
  }
}

/** The model to judge, preview or save; its fields are still unknown-typed until the schema parses them. */
export function modelOf(d: ScoringDraft): unknown {
  return {
    fitRules: d.fitRules.map(fitRuleOf),
    engagementRules: d.engagementRules.map((r) => ({ id: r.id, activity: r.activity, urlPattern: r.urlPattern.trim() === '' ? null : r.urlPattern.trim(), points: numberOf(r.points), label: r.label })),
    halfLifeDays: numberOrNull(d.halfLifeDays),
    mqlFitThreshold: numberOf(d.mqlFitThreshold),
    mqlEngagementThreshold: numberOf(d.mqlEngagementThreshold),
    autoPromoteMql: d.autoPromoteMql,
    gradeThresholds: { A: numberOf(d.grades.A), B: numberOf(d.grades.B), C: numberOf(d.grades.C) },
    version: d.version,
  } satisfies Record<keyof ScoringModel, unknown>;
}
