// Строки решений, привязанных к делу, по которому они приняты (см. decisions.en.ts).
import type { decisionsEn } from './decisions.en';

export const decisionsRu: Record<keyof typeof decisionsEn, string> = {
  'decisions.entry': '{list}, запись {n}',
  'decisions.assessment': 'Оценка',
  'decisions.risk': 'Уровень риска',
  'decisions.recommendation': 'Рекомендация',
  'decisions.flags': 'Отметки',
  'decisions.flagCleared': 'снята',
  'decisions.verdicts': 'Направления',
  'decisions.kind.approve_referral': 'Одобрение направления',
  'decisions.kind.decline_referral': 'Отказ в направлении',
  'decisions.kind.close': 'Закрытие дела',
  'decisions.kind.request_info': 'Запрос сведений',
  'decisions.changed.title': 'Изменилось после решения',
  'decisions.changed.withdrawn':
    '{decision} ({name}, {date}) отозвано, потому что дело изменилось после него. Решение принималось по делу в том виде, что слева.',
  'decisions.changed.sinceRequest':
    '{decision} ({name}, {date}): что изменилось в деле с тех пор; слева — как было тогда.',
  'decisions.changed.where': 'Где',
  'decisions.changed.field': 'Поле',
  'decisions.changed.before': 'На момент решения',
  'decisions.changed.after': 'Сейчас',
  'decisions.changed.noFields': 'Поля не менялись; изменились приложенные сканы или материалы.',
  'decisions.changed.same': 'Изменение не меняет оценку: решение можно подтвердить заново одним шагом.',
  'decisions.changed.altered': 'Изменение меняет оценку: нужно решить заново.',
  'decisions.reaffirm.link': 'Подтвердить решение заново…',
  'decisions.reaffirm.title': 'Подтвердить решение заново',
  'decisions.reaffirm.explain':
    'Решение записывается заново в прежнем виде, по делу в нынешнем виде, с вашим именем и примечанием. С этого момента его показывает сводка.',
  'decisions.reaffirm.note': 'Примечание (необязательно, попадает в запись)',
  'decisions.reaffirm.submit': 'Подтвердить заново',
  'decisions.reaffirm.altered':
    'Оценка изменилась после решения, поэтому подтвердить его одним шагом нельзя. Примите решение заново на странице дела.',
  'decisions.reaffirm.none': 'В этом деле нет отозванного решения, которое можно подтвердить заново.',
  'decisions.reaffirm.reason': 'Подтверждено заново после изменения: оценка не изменилась.',
  'decisions.withdrawnNotice':
    'Решение отозвано, потому что дело изменилось после него; дело снова в очереди на проверку.',
  'decisions.carried.line': 'Снята в другом месте: требует подтверждения ({origin})',
  'decisions.carried.originFile': 'файл дела {reference}, загрузил(а) {name} {date}',
  'decisions.carried.originUnnamed': 'загруженный файл дела, загрузил(а) {name} {date}',
  'decisions.carried.title': 'Снятые отметки из загруженного файла',
  'decisions.carried.intro':
    'В загруженном файле сказано, что эти отметки сняты в другом месте. Здесь по ним никто не решал: они считаются не снятыми, пока супервизор не подтвердит их — по одной или все сразу, с обоснованием.',
  'decisions.carried.link': 'Подтвердить снятие…',
  'decisions.carried.choose': 'Отметки, снятие которых подтверждается',
  'decisions.carried.chooseOne': 'Выберите хотя бы одну отметку.',
  'decisions.carried.submit': 'Подтвердить выбранные',
  'decisions.carried.all': 'Подтвердить все ({count})',
  'decisions.carried.none': 'В этом деле нет снятых в другом месте отметок, ожидающих подтверждения.',
  'decisions.carried.gone': 'Часть из них тем временем подтвердили или оставили в силе. Выберите заново.',
  'timeline.decision_withdrawn':
    '{decision} от {date} отозвано: дело изменилось после решения ({sections}). Дело снова в очереди на проверку.',
  'timeline.decisions_carried':
    'Загружено с отметками, снятыми в другом месте (требуют подтверждения): {flags}',
  'timeline.flag_confirmed': 'Подтверждено снятие отметки из загруженного файла: «{flag}»',
  'case.history.action.case.decision_withdrawn': 'Решение отозвано: дело изменилось после него',
  'case.history.action.case.reaffirm': 'Решение подтверждено заново',
  'case.history.action.case.confirm_carried': 'Подтверждено снятие отметок из файла',
  'summary.flagCarried': 'Снята в другом месте, здесь не подтверждена',
};
