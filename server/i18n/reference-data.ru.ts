// Страница справочных данных (администратор) и подсказки по части в форме дела.
import type { referenceDataEn } from './reference-data.en';

export const referenceDataRu: Record<keyof typeof referenceDataEn, string> = {
  'nav.referenceData': 'Справочные данные',
  'refdata.title': 'Справочные данные',
  'refdata.intro':
    'Все факты, на которые опираются правила, с публичными источниками. Сами факты меняются только через проверку кода; здесь вы отмечаете, что файл сверен с источниками в такой-то день. Если файл не проверяли больше {days} дней, в каждой оценке будет сказано, что справочные данные устарели.',
  'refdata.files': 'Файлы',
  'refdata.file': 'Файл',
  'refdata.reviewedOn': 'Последняя проверка',
  'refdata.codeReviewedOn': 'Проверка в коде',
  'refdata.stale': 'устарели',
  'refdata.current': 'актуальны',
  'refdata.history': 'Проверки, отмеченные здесь',
  'refdata.facts': 'Факты ({count})',
  'refdata.fact': 'Факт',
  'refdata.source': 'Источник',
  'refdata.unsourced': 'Публичного источника пока нет:',
  'refdata.note': 'Комментарий к проверке',
  'refdata.noteHint': 'Что вы проверили и по каким источникам; что нужно изменить в коде.',
  'refdata.markReviewed': 'Отметить как проверенные сегодня',
  'case.unitMatch.title': 'Часть из справочных данных',
  'case.unitMatch.found': 'Соответствует: {name} ({how}).',
  'case.unitMatch.none':
    'Не соответствует ни одной части, которую справочные данные связывают с военными преступлениями.',
  'case.unitSuggest.none': 'Введённому тексту не соответствует ни одна часть из справочных данных.',
  'case.unitSuggest.found': 'Части из справочных данных, которым это соответствует: {names}.',
};
