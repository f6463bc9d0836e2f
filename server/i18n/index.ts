// One translation function for every visible string. English is the reference catalogue; the Russian one
// must have exactly the same keys (the type checker and a test both hold it to that).
import type { Locale } from '../../db/schema';
import { en, type MessageKey } from './en';
import { ru } from './ru';

export type { MessageKey };
export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, ru };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const text = catalogue[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  };
}

/** The locale a browser prefers, among ours; English when it names neither. */
export function localeFromHeader(header: string | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('ru')) return 'ru';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
