import type { Question, QuestionAnswer } from '../model/questions';
import { localDayNumber, weekdayOf } from '../calendar/wall-clock';
import { DAY_MS } from '../time-units';

/** A library item marketing linked as the answer to a question this contact asked, and when they asked it. */
export interface AnsweredQuestion {
  contentId: string;
  askedAt: string;
}

/**
 * The items that answer this contact's questions, the most recently asked question first, each item once (under its
 * latest question). Unlinked answers (no item) answer nothing.
 */
export function answeredQuestions(
  questions: readonly Pick<Question, 'key' | 'at'>[],
  answers: readonly Pick<QuestionAnswer, 'key' | 'contentId'>[],
): AnsweredQuestion[] {
  const itemOf = new Map(answers.flatMap((a) => (a.contentId === null ? [] : [[a.key, a.contentId] as const])));
  const newestFirst = [...questions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const seen = new Set<string>();
  const answered: AnsweredQuestion[] = [];
  for (const q of newestFirst) {
    const contentId = itemOf.get(q.key);
    if (contentId === undefined || seen.has(contentId)) continue;
    seen.add(contentId);
    answered.push({ contentId, askedAt: q.at });
  }
  return answered;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * When it was asked, as a rep says it, by the dates the work calendar's zone shows: "today", "yesterday", "on Tuesday"
 * within the last week, "on 12 March" further back, "on 12 March 2025" in another year. A time a little ahead of
 * `now` (clocks drift) is "today".
 */
export function askedDayPhrase(askedAt: string, now: Date, timeZone: string): string {
  const asked = localDayNumber(timeZone, Date.parse(askedAt));
  const today = localDayNumber(timeZone, now.getTime());
  const daysAgo = today - asked;
  if (daysAgo <= 0) return 'today';
  if (daysAgo === 1) return 'yesterday';
  if (daysAgo < 7) return `on ${WEEKDAYS[weekdayOf(asked)]}`;
  const date = new Date(asked * DAY_MS);
  const sameYear = date.getUTCFullYear() === new Date(today * DAY_MS).getUTCFullYear();
  return `on ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${sameYear ? '' : ` ${date.getUTCFullYear()}`}`;
}

export function answerReason(askedAt: string, now: Date, timeZone: string): string {
  return `Answers the question they asked ${askedDayPhrase(askedAt, now, timeZone)}`;
}
