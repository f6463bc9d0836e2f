/** Flag titles and checklist labels, read from the rules that declare them (one place: the rule's own file). */
import type { Locale, Text } from './i18n';
import { checklistRules, flagRules } from './registry';

const flagTitles = new Map<string, Text>(flagRules.map((r) => [r.id, r.title]));
const checklistLabels = new Map<string, Text>(checklistRules.map((r) => [r.id, r.label]));

/** The flag's title; an id that is no flag (an old record) is shown as it is. */
export function flagTitle(id: string, locale: Locale): string {
  return flagTitles.get(id)?.[locale] ?? id;
}

/** The checklist item's label; an id that is no item is shown as it is. */
export function checklistLabel(id: string, locale: Locale): string {
  return checklistLabels.get(id)?.[locale] ?? id;
}

/** Either: for lists that mix flags and checklist items (a recommendation's `because`). */
export function ruleTitle(id: string, locale: Locale): string {
  return flagTitles.get(id)?.[locale] ?? checklistLabel(id, locale);
}
