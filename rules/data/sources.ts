/**
 * Public sources several reference files cite, in one place. Each names the publisher and the date it was
 * published; a republished wire story names the original publisher and the republisher.
 */
import type { Source } from '../sources';

/** Seed 004: how verifiers check deserters (document review, knowledge checks, unit cross-check, role risk). */
export const bbcRussianDesertion: Source = {
  url: 'https://bbcrussian.substack.com/p/russian-soldier-escaping-the-war-in-ukraine',
  publisher: 'BBC Russian (Amalia Zatari), "Desertion is a political act"',
  date: '2024-11',
};

/** Seed 002: deserters hiding in Kazakhstan; real and fake passports; interstate wanted lists. */
export const apDesertersHideAbroad: Source = {
  url: 'https://www.thealpenanews.com/news/international-news-apwire/2024/04/thousands-of-russian-soldiers-flee-war/',
  publisher: 'Associated Press (republished by The Alpena News)',
  date: '2024-04',
};

/** Seed 003: a deserter's job offer, temporary German travel document and work visa. */
export const dwNotAgainstUkraine: Source = {
  url: 'https://www.nationalheraldindia.com/international/not-against-ukraine-russian-deserters-tell-their-story',
  publisher: 'DW, "Not against Ukraine" (republished by National Herald)',
  date: '2023',
};

/** Which countries admit Russians on the internal passport: Belarus, Kazakhstan, Kyrgyzstan, Armenia (by air). */
export const tassInternalPassport: Source = {
  url: 'https://riamo.ru/news/obschestvo/ekspert-nazval-gosudarstva-kuda-rossijane-mogut-vehat-po-vnutrennemu-pasportu/',
  publisher: 'TASS (republished by RIAMO)',
  date: '2025-10-25',
};

/** Reuters, May 2022: Rosgvardia "Vityaz", the 76th Division and Chechen units in Bucha. */
export const reutersBucha: Source = {
  url: 'https://babel.ua/en/news/78377-reuters-a-unit-of-the-national-guard-of-russia-paratroopers-from-pskov-and-the-chechen-military-operated-in-bucha',
  publisher: 'Reuters investigation (reported by Babel)',
  date: '2022-05',
};

/** New York Times, Dec 2022: the 234th Regiment on Yablunska Street, Bucha; part of the 76th Division. */
export const nytBucha: Source = {
  url: 'https://babel.ua/en/news/88513-nyt-identifies-more-than-20-russian-soldiers-and-their-commander-involved-in-killing-civilians-in-bucha',
  publisher: 'The New York Times investigation (reported by Babel)',
  date: '2022-12-22',
};

/** The Russian Criminal Code as in force, article by article. */
export const criminalCodeText: Source = {
  url: 'https://www.consultant.ru/document/cons_doc_LAW_10699/',
  publisher: 'ConsultantPlus: Criminal Code of the Russian Federation',
  date: '2026',
};
