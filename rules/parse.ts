/**
 * Turns unknown input into a CaseFile, or into a list of bad fields, each named by its path
 * (`deployments[1].from`) with a short plain-English problem (`invalid date`).
 */
import type { z } from 'zod';
import { type CaseFile, caseFileSchema } from './case-schema';
import { caseDateProblems } from './date-checks';

export type FieldError = { path: string; message: string };
export type ParseResult = { ok: true; value: CaseFile } | { ok: false; errors: FieldError[] };

/** `['deployments', 1, 'from']` -> `deployments[1].from`; the whole document is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** Plain messages for zod's generic issues; fields with their own message (dates, countries) keep it. */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined && issue.code !== 'custom') return 'required';
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${typeNames[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${issue.values.join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `at least ${issue.minimum} required`
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `at most ${issue.maximum} entries`
        : issue.origin === 'string'
          ? `at most ${issue.maximum} characters`
          : `must be at most ${issue.maximum}`;
    default:
      return undefined;
  }
}

/**
 * With `today` (an import), each part's dates are also checked as its form checks them (rules/date-checks.ts):
 * an event after today, a period ending before it starts, an impossible date of birth.
 */
export function parseCaseFile(input: unknown, options: { today?: string } = {}): ParseResult {
  const result = caseFileSchema.safeParse(input, { error: plainMessage });
  if (result.success) {
    const dates = options.today === undefined ? [] : caseDateProblems(result.data, options.today);
    return dates.length === 0 ? { ok: true, value: result.data } : { ok: false, errors: dates };
  }
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        errors.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
    } else {
      errors.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return { ok: false, errors };
}
