export { matchesUrlPattern, matchesWildcard } from './wildcard';
export { emailDomain, fitFieldValue, fitRuleMatches, matchingFitRules, type FitProfile, type FitValue } from './fit';
export {
  MS_PER_DAY,
  decayFactor,
  engagementRuleMatches,
  tallyEngagement,
  type EngagementActivity,
  type EngagementTally,
} from './engagement';
export { apportionRounded, explainPart, gradeFor, roundHalfUp, scoreContact, type ScoringRules } from './score';
export { previewScoring, type ScoredInput } from './preview';
