export { suggestContent } from './rank';
export type { SuggestContentInput } from './rank';
export { journeyForStage, journeySteps } from './journey';
export { SUGGESTION_WEIGHTS, scoreItem, matchPersona } from './score';
export type { ScoredItem } from './score';
export { suggestionReason, stagePhrase, MAX_REASON_CHARS } from './reasons';
export { consumedContentIds, interestTopics, recentlySentContentIds, RECENTLY_SENT_DAYS } from './history';
export { answeredQuestions, askedDayPhrase, answerReason } from './answers';
export type { AnsweredQuestion } from './answers';
