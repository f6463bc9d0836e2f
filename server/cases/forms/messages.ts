// The rules' plain-English problems (rules/case-schema.ts, rules/text.ts, rules/date-checks.ts) in the words
// a person reads: beside a form's field, or in the import's list of problems. One table for both.
import { dateMessages } from '../../../rules/date-checks';
import { DATE_RANGE_MESSAGE } from '../../../rules/date-input';
import { type TextProblem, textProblemMessages, textProblems } from '../../../rules/text';
import { textProblemKeys } from '../../http/forms';
import type { MessageKey, Translate } from '../../i18n';

const textFileKeys: Record<TextProblem, MessageKey> = {
  control: 'cases.import.msg.control',
  direction: 'cases.import.msg.direction',
  surrogate: 'cases.import.msg.surrogate',
  invisible: 'cases.import.msg.notEmpty',
  noLetter: 'cases.import.msg.noLetter',
};

const pairs: [string, MessageKey, MessageKey][] = [
  ...textProblems.map((p): [string, MessageKey, MessageKey] => [
    textProblemMessages[p],
    textProblemKeys[p],
    textFileKeys[p],
  ]),
  ['listed twice', 'form.listedTwice', 'cases.import.msg.listedTwice'],
  [DATE_RANGE_MESSAGE, 'form.dateRange', 'cases.import.msg.dateRange'],
  [dateMessages.future, 'form.dateFuture', 'cases.import.msg.dateFuture'],
  [dateMessages.beforeStart, 'form.dateBeforeStart', 'cases.import.msg.dateBeforeStart'],
  [dateMessages.birth, 'form.dateBirth', 'cases.import.msg.dateBirth'],
];

/** Beside a form's field. */
export const fieldMessages: Record<string, MessageKey> = {
  ...Object.fromEntries(pairs.map(([message, form]) => [message, form])),
  'required unless the deployment is ongoing': 'form.requiredUnlessOngoing',
  'digits only': 'form.digits',
  'must not be empty': 'form.required',
  'language code like ru or en': 'form.language',
  'part number like 5 or 2.1': 'form.articlePart',
  'must be positive': 'form.positive',
  'invalid date': 'form.date',
};

/** In the import's list of problems (server/routes/case-transfer.ts adds these to its own). */
export const importMessages: Record<string, MessageKey> = Object.fromEntries(
  pairs.map(([message, , file]) => [message, file]),
);
export const importPatterns: [RegExp, (t: Translate, match: string) => string][] = [
  [/^at most (\d+) characters$/, (t, n) => t('cases.import.msg.atMostCharacters', { n })],
  [/^at most (\d+) entries$/, (t, n) => t('cases.import.msg.atMostEntries', { n })],
];
