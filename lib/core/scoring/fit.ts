import type { Contact } from '../model/contact';
import type { FitField, FitRule } from '../model/scoring';
import { matchesWildcard } from './wildcard';

/** The parts of a contact fit rules read; a full Contact will do. */
export type FitProfile = Pick<
  Contact,
  'email' | 'title' | 'seniority' | 'country' | 'companySize' | 'industry' | 'businessModel' | 'leadType' | 'source'
>;

export type FitValue = string | number | null;

/** The value a fit rule tests; `emailDomain` is derived from the email, the rest are read as stored. */
export function fitFieldValue(contact: FitProfile, field: FitField): FitValue {
  if (field === 'emailDomain') return emailDomain(contact.email);
  return contact[field];
}

/** The part after the last "@", lower-cased; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  const domain = at === -1 ? '' : email.slice(at + 1).trim().toLowerCase();
  return domain.length > 0 ? domain : null;
}

/** Whether one rule holds for the contact. A missing (null) field never matches any rule. */
export function fitRuleMatches(rule: FitRule, contact: FitProfile): boolean {
  const value = fitFieldValue(contact, rule.field);
  if (value === null) return false;
  switch (rule.op) {
    case 'equals':
      return sameValue(value, rule.value);
    case 'one_of':
      return rule.values.some((candidate) => sameValue(value, candidate));
    case 'range':
      // Both bounds inclusive; a null bound is open.
      return typeof value === 'number' && (rule.min === null || value >= rule.min) && (rule.max === null || value <= rule.max);
    case 'pattern':
      return typeof value === 'string' && matchesWildcard(rule.pattern, value);
  }
}

/** The rules that hold for the contact, in the model's order; each adds its points once. */
export function matchingFitRules(rules: readonly FitRule[], contact: FitProfile): FitRule[] {
  return rules.filter((rule) => fitRuleMatches(rule, contact));
}

/**
 * Strings compare case-insensitively and without surrounding spaces (a rule typed as "VP " still means "vp");
 * numbers compare exactly. A string never equals a number: "50" is not a company size.
 */
function sameValue(value: string | number, expected: string | number): boolean {
  if (typeof value === 'string' && typeof expected === 'string') return value.trim().toLowerCase() === expected.trim().toLowerCase();
  return value === expected;
}
