/**
 * What free text may hold, for every text a person types (case fields, account names, e-mail addresses).
 * Refused, never silently altered, so what is saved is what was typed and shown back:
 * - control characters (NUL and the rest of C0 and C1; a multi-line text keeps tab and line breaks);
 * - bidirectional embedding, override and isolate controls (U+202A-202E, U+2066-2069), which make text read
 *   differently from what it holds (a pseudonym that displays as another's);
 * - unpaired UTF-16 surrogates (a JSON `\ud800` escape), which are not text and cannot be stored;
 * - text of nothing but spaces and invisible characters (zero-width spaces and joiners, soft hyphens...).
 * A name (a pseudonym) must hold a letter or digit and no invisible formatting character at all.
 */

export const textProblems = ['control', 'direction', 'surrogate', 'invisible', 'noLetter'] as const;
export type TextProblem = (typeof textProblems)[number];

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_LINE = /[\u0000-\u001F\u007F-\u009F]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters that show nothing on their own: spaces, format characters (zero-width...), marks alone. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;
const FORMAT = /\p{Cf}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface TextRules {
  /** Line breaks and tabs allowed (a statement, a note). */
  multiline?: boolean;
  /** A name that identifies someone in lists: a letter or digit, no invisible formatting characters. */
  name?: boolean;
}

/** The first thing wrong with this text, or undefined when it may be stored as it is. */
export function textProblem(value: string, rules: TextRules = {}): TextProblem | undefined {
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  if ((rules.multiline ? CONTROL_MULTILINE : CONTROL_LINE).test(value)) return 'control';
  if (DIRECTION.test(value)) return 'direction';
  if (value.replace(INVISIBLE, '') === '') return 'invisible';
  if (rules.name && (FORMAT.test(value) || !LETTER_OR_DIGIT.test(value))) return 'noLetter';
  return undefined;
}

/** The plain-English problem the case format's validators report (rules/parse.ts passes them on). */
export const textProblemMessages: Record<TextProblem, string> = {
  control: 'contains a control character',
  direction: 'contains a text-direction control character',
  surrogate: 'contains an invalid character',
  invisible: 'must not be empty',
  noLetter: 'must contain a letter or digit and no invisible characters',
};
