import { defineFlag, type NoParams } from '../rule';

/** His own accounts tell another story. */
export default defineFlag<NoParams>({
  id: 'SOCIAL_CONTRADICTS',
  category: 'verification',
  severity: 'high',
  title: { en: 'Social media contradicts his story', ru: 'Соцсети противоречат его рассказу' },
  doc: '`socialMedia` is `contradicts_story`.',
  check: ({ case: c }) =>
    c.verification.socialMedia === 'contradicts_story'
      ? { facts: ['verification.socialMedia=contradicts_story'], params: {} }
      : undefined,
  message: {
    en: () =>
      'His social media contradicts his story (places, dates or what he did). A supervisor must review the contradiction with him before any referral.',
    ru: () =>
      'Его соцсети противоречат его рассказу (места, даты или то, что он делал). До любого направления руководитель должен разобрать это противоречие вместе с ним.',
  },
});
