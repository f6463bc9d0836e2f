// His names in free text, however a caseworker or supervisor spelled them: every transliteration scheme in
// use (passports: ICAO; Russian and Soviet standards: GOST, MVD; BGN/PCGN, Wikipedia, scientific...), any
// letter case, and the Russian case endings. Words that only look alike stay.
import * as iuliia from 'iuliia';
import { describe, expect, it } from 'vitest';
import { nameScrubber } from '../../server/summary/names';

const schemes = [
  iuliia.ICAO_DOC_9303,
  iuliia.GOST_779,
  iuliia.GOST_7034,
  iuliia.GOST_52535,
  iuliia.MVD_782,
  iuliia.MVD_310,
  iuliia.BGN_PCGN,
  iuliia.BS_2979,
  iuliia.ALA_LC,
  iuliia.WIKIPEDIA,
  iuliia.SCIENTIFIC,
  iuliia.TELEGRAM,
  iuliia.UNGEGN_1987,
  iuliia.ISO_9_1968,
  iuliia.YANDEX_MAPS,
];

const people = [
  {
    latin: 'Yuliya Shchukina',
    native: 'Юлия Щукина',
    forms: ['Юлия', 'Юлии', 'Юлию', 'Щукина', 'Щукиной', 'Щукину'],
  },
  {
    latin: 'Ivan Sergeyevich Petrov',
    native: 'Иван Сергеевич Петров',
    forms: [
      'Иван',
      'Ивана',
      'Ивану',
      'Иваном',
      'Сергеевич',
      'Сергеевича',
      'Петров',
      'Петрова',
      'Петрову',
      'Петровым',
      'Петрове',
    ],
  },
  {
    latin: 'Aleksandr Zhukov',
    native: 'Александр Жуков',
    forms: ['Александр', 'Александра', 'Александром', 'Жуков', 'Жукова', 'Жуковым'],
  },
  {
    latin: 'Fyodor Khabibullin',
    native: 'Фёдор Хабибуллин',
    forms: ['Фёдор', 'Фёдора', 'Федору', 'Хабибуллин', 'Хабибуллина', 'Хабибуллиным'],
  },
];

const MARK = '[withheld]';

describe('names quoted in free text', () => {
  it('are found in Cyrillic and in every transliteration, any letter case, any case ending', () => {
    const cases = [(w: string) => w, (w: string) => w.toUpperCase(), (w: string) => w.toLowerCase()];
    let checked = 0;
    for (const person of people) {
      const scrub = nameScrubber([person.latin, person.native], ['Anton'], MARK);
      for (const form of person.forms)
        for (const scheme of schemes)
          for (const letterCase of cases)
            for (const spelled of [form, iuliia.translate(form, scheme)]) {
              const text = `Confirmed by ${letterCase(spelled)}, in person.`;
              expect(scrub(text), `${scheme.name}: ${spelled}`).toBe(`Confirmed by ${MARK}, in person.`);
              checked++;
            }
    }
    expect(checked).toBe(2 * 3 * schemes.length * people.reduce((n, p) => n + p.forms.length, 0));
  });

  it.each([
    ['Petrol stations near the unit were closed.', 'Petrov'],
    ['Antonov transport planes flew over.', 'Anton'],
    ['He reached Ivanovo by bus.', 'Ivan'],
    ['Юлиан и Жуковский переулок.', 'Юлия Жуков'],
    ['The Russian army sent him to Kazakhstan.', 'Ivan Petrov'],
  ])('leave alone words that only look alike: %s', (text, names) => {
    expect(nameScrubber([names], [], MARK)(text)).toBe(text);
  });

  it('keep the pseudonym, which the summary shows, even when it is also his first name', () => {
    expect(nameScrubber(['Anton Petrov'], ['Anton'], MARK)('Anton and Petrov')).toBe(`Anton and ${MARK}`);
  });
});
