import { lowerFirst, type Text } from '../i18n';
import type { ChecklistId } from '../ids';
import { labels } from '../labels';

/** "Still needed: ..." naming the checklist items a verdict waits for. */
export function missingNote(missing: readonly ChecklistId[]): Text {
  return {
    en: `Still needed: ${missing.map((id) => lowerFirst(labels.en.checklist[id])).join('; ')}.`,
    ru: `Ещё нужно: ${missing.map((id) => lowerFirst(labels.ru.checklist[id])).join('; ')}.`,
  };
}
