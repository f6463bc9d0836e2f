// Strings of input checking: text that cannot be stored, dates, limits stated before they bite, bodies refused.
export const inputEn = {
  'form.date': 'Enter a real date as day.month.year, for example 24.09.2022.',
  'form.dateHint': 'Day.month.year, for example 24.09.2022 (2022-09-24 also works).',
  'form.dateRange': 'Enter a date between 1900 and 2099.',
  'form.dateFuture': 'This date is after today.',
  'form.dateBeforeStart': 'This is before the start date above.',
  'form.dateBirth': 'This date of birth gives an age under 14 or over 100.',
  'form.text.control':
    'This contains a control character (such as a NUL byte) that text cannot hold. Retype it.',
  'form.text.direction':
    'This contains invisible text-direction characters, which make it read differently from what it holds. Retype it without them.',
  'form.text.surrogate': 'This contains a broken character. Retype it.',
  'form.text.noLetter': 'Use at least one letter or digit, and no invisible characters.',
  'form.oneValue': 'This field was sent more than once. Check it and save again.',
  'form.listedTwice': 'Listed twice: keep one.',
  'form.tooLongMax': 'This is too long: at most {max} characters, and it has {count}.',
  'form.tooBig': 'Enter a number no larger than {max}.',
  'form.listFull':
    'This list already has the most entries a case may hold ({max}). Remove one before adding another.',
  'form.limit.characters': 'Up to {max} characters.',
  'form.limit.value': 'At most {max}.',
  'form.limit.entries': 'Up to {max} entries.',
  'form.counter': '{count} of {max} characters',
  'cases.import.msg.control': 'contains a control character',
  'cases.import.msg.direction': 'contains a text-direction control character',
  'cases.import.msg.surrogate': 'contains an invalid character',
  'cases.import.msg.noLetter': 'must contain a letter or digit and no invisible characters',
  'cases.import.msg.listedTwice': 'listed twice',
  'cases.import.msg.dateRange': 'must be between 1900 and 2099',
  'cases.import.msg.dateFuture': 'must not be after today',
  'cases.import.msg.dateBeforeStart': 'must not be before the start',
  'cases.import.msg.dateBirth': 'must give an age from 14 to 100',
  'cases.import.msg.atMostCharacters': 'at most {n} characters',
  'cases.import.msg.atMostEntries': 'at most {n} entries',
  'error.notUtf8.title': 'Text that could not be read',
  'error.notUtf8.message':
    'What was sent is not valid UTF-8 text, so it was refused and nothing was saved. Go back and send the form again from its page.',
  'error.tooLarge.limits':
    'A form may send at most {form} and a case file may be at most {file}. Nothing was saved.',
  'error.tooManyFields': 'The form sent more fields than any Waypost form has. Nothing was saved.',
} as const;
