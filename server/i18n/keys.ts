// Translation keys built from ids (a status, a form, a refusal) are checked by the type checker: a template
// such as `case.status.${status}` over a union of known ids must name keys the catalogue has, or `tsc` fails.
// These helpers are for the keys that cannot be written out whole.
import { en, type MessageKey } from './en';

/**
 * The ids worded under a prefix: `KeysUnder<'case.field.person.'>` is every field of the person form that has
 * a label. A spec or id typed with it cannot name a key the catalogue lacks.
 */
export type KeysUnder<Prefix extends string> = MessageKey extends infer K
  ? K extends `${Prefix}${infer Rest}`
    ? Rest
    : never
  : never;

/** Whether text that arrives at run time (a zod issue's message) is one of our keys. */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(en, text);
}
