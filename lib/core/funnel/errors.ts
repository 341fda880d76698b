import type { z } from 'zod';

/** Input a plan cannot be made from. `field` names the first bad input ("rates.mqlToSql") so a form can point at it. */
export class FunnelInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'FunnelInputError';
    this.field = field;
  }
}

/** Parses with the schema or throws a FunnelInputError whose message lists each problem: "averageDealSize: must be more than 0". */
export function parseFunnelInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => flatten(issue, []));
  const first = problems[0] ?? { field: '(input)', message: 'is not valid' };
  throw new FunnelInputError(first.field, problems.map((p) => `${p.field}: ${p.message}`).join('; '));
}

interface Problem {
  field: string;
  message: string;
}

/**
 * A union ("rates": one number or one per step) fails as a whole; report the branch the input was meant for, the one
 * that got past the type check, or else the first (a plain number).
 */
function flatten(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): Problem[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = issue.errors.find((errors) => !errors.every((e) => e.code === 'invalid_type' && e.path.length === 0)) ?? issue.errors[0] ?? [];
    const nested = branch.flatMap((e) => flatten(e, path));
    if (nested.length > 0) return nested;
  }
  return [{ field: path.length === 0 ? '(input)' : path.map(String).join('.'), message: issue.message }];
}
