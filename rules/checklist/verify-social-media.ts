import type { Verification } from '../case-schema';
import { labels } from '../labels';
import { defineCheck } from '../rule';

/** Social media read, including deleted accounts from archives. */
export default defineCheck<{ result: Verification['socialMedia'] }>({
  id: 'VERIFY_SOCIAL_MEDIA',
  category: 'verification',
  label: {
    en: 'Check social media, including deleted accounts',
    ru: 'Проверить соцсети, включая удалённые аккаунты',
  },
  doc: 'Done when `socialMedia` is anything but `not_done`.',
  check: ({ case: c }) => {
    const result = c.verification.socialMedia;
    return { status: result === 'not_done' ? 'todo' : 'done', params: { result } };
  },
  detail: {
    en: ({ result }) =>
      result === 'not_done'
        ? 'Not done yet: read his accounts, including deleted ones from archives.'
        : `Result: ${labels.en.socialMediaResults[result].toLowerCase()}.`,
    ru: ({ result }) =>
      result === 'not_done'
        ? 'Ещё не проводилась: изучите его аккаунты, в том числе удалённые, по архивам.'
        : `Результат: ${labels.ru.socialMediaResults[result].toLowerCase()}.`,
  },
});
