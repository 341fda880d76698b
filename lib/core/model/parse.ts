import type { z } from 'zod';

export interface InputIssue {
  /** Where in the input: "attempt.channel", "mutations.3.at"; "" for the whole value. */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; issues: InputIssue[] };

/** zod's issues as paths and messages a person can act on. */
export function describeIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** One line naming every problem: "attempt.channel: must be one of call, email, voicemail, social". */
export function summarizeIssues(what: string, issues: readonly InputIssue[]): string {
  const parts = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return `${what} is not valid: ${parts.join('; ')}`;
}

/** Validates input without throwing, so callers answer bad input with a clear error and change nothing. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = describeIssues(result.error);
  return { ok: false, message: summarizeIssues(what, issues), issues };
}
