// The language a summary is written in: chosen by whoever exports it, for whoever reads it (a French consulate,
// a Russian-speaking lawyer), never taken from the interface language of the person who clicks. Every
// language the app has a catalogue for is offered; a new one (French, German) appears here once its
// catalogue and the rules' labels exist.
import { z } from 'zod';
import { type Locale, locales } from '../../db/schema';

export const summaryLanguages = locales;
const languageSchema = z.enum(summaryLanguages);

/** `lang` from a query or form: the language, `absent` when none was given, undefined when it is not ours. */
export function languageFrom(raw: unknown): Locale | 'absent' | undefined {
  if (raw === undefined || raw === '') return 'absent';
  const parsed = languageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
