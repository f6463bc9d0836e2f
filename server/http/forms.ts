// Reading a submitted form with a zod schema whose error messages are translation keys. On failure the
// page gets one message per field, to show beside it, and everything the user typed, to fill back in.
import { z } from 'zod';
import { type TextProblem, type TextRules, textProblem } from '../../rules/text';
import type { MessageKey } from '../i18n';
import { isMessageKey } from '../i18n/keys';

export type FieldErrors = Record<string, MessageKey>;

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

export function readForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const raw = { ...((body && typeof body === 'object' ? body : {}) as Record<string, unknown>) };
  delete raw._csrf;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    // Passwords are never sent back into a page.
    if (typeof value === 'string' && !/password/i.test(name)) values[name] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.code === 'unrecognized_keys' ? '_form' : String(issue.path[0] ?? '_form');
    const key = issue.code === 'unrecognized_keys' ? 'form.unknownField' : issue.message;
    errors[field] ??= isMessageKey(key) ? key : 'form.invalid';
  }
  return { ok: false, errors, values };
}

/** What a form says beside a field whose text rules/text.ts refuses. */
export const textProblemKeys: Record<TextProblem, MessageKey> = {
  control: 'form.text.control',
  direction: 'form.text.direction',
  surrogate: 'form.text.surrogate',
  invisible: 'form.required',
  noLetter: 'form.text.noLetter',
};

/**
 * A text typed into an account form (an e-mail address, a display name, a passkey's name), held to the same
 * rules as a case's free text (rules/text.ts): no control or direction characters, not only invisible ones.
 */
export const accountText = (max: number, rules: TextRules = {}) =>
  z
    .string('form.invalid')
    .trim()
    .min(1, 'form.required')
    .max(max, 'form.tooLong')
    .superRefine((value, ctx) => {
      const problem = textProblem(value, rules);
      if (problem) ctx.addIssue({ code: 'custom', input: value, message: textProblemKeys[problem] });
    });

/** A path inside this site, safe to redirect to after sign-in; anything else becomes the home page. */
export function safeLocalPath(path: unknown): string {
  // Printable ASCII only (a browser sends the rest percent-encoded): a control character is no path.
  return typeof path === 'string' && /^\/(?![/\\])[\x21-\x7E]*$/.test(path) ? path : '/';
}
