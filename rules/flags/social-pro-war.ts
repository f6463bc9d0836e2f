import { bbcRussianDesertion } from '../data/sources';
import { defineFlag, type NoParams } from '../rule';

/** Pro-war posts: views alone do not disqualify, acts do ("he didn't act on his views", seed 004). */
export default defineFlag<NoParams>({
  id: 'SOCIAL_PRO_WAR',
  category: 'verification',
  severity: 'warning',
  title: { en: 'Pro-war social media', ru: 'Провоенные публикации в соцсетях' },
  doc: '`socialMedia` is `pro_war_content`.',
  source: bbcRussianDesertion,
  check: ({ case: c }) =>
    c.verification.socialMedia === 'pro_war_content'
      ? { facts: ['verification.socialMedia=pro_war_content'], params: {} }
      : undefined,
  message: {
    en: () =>
      'Pro-war content was found on his social media. Views alone do not disqualify; acts do: establish whether he acted on them, and ask him about the change.',
    ru: () =>
      'В его соцсетях найдены провоенные публикации. Взгляды сами по себе не основание для отказа, значение имеют поступки: выясните, действовал ли он в соответствии с ними, и спросите, что изменилось.',
  },
});
