// Reading a submitted form with a zod schema whose error messages are translation keys. On failure the
// page gets one message per field, to show beside it, and everything the user typed, to fill back in.
import type { z } from 'zod';
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

/** A path inside this site, safe to redirect to after sign-in; anything else becomes the home page. */
export function safeLocalPath(path: unknown): string {
  return typeof path === 'string' && /^\/(?![/\\])/.test(path) ? path : '/';
}
