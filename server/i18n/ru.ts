// Русский каталог: те же ключи, что и в английском (en.ts).

import { attachmentsRu } from './attachments.ru';
import { caseListRu } from './case-list.ru';
import { casesRu } from './cases.ru';
import { conflictsRu } from './conflicts.ru';
import { decisionsRu } from './decisions.ru';
import type { MessageKey } from './en';
import { inputRu } from './input.ru';
import { referenceDataRu } from './reference-data.ru';
import { reviewRu } from './review.ru';
import { summaryRu } from './summary.ru';
import { twoFactorRu } from './two-factor.ru';

const core = {
  'layout.skip': 'Перейти к содержанию',
  'layout.mainNav': 'Главное меню',
  'layout.language': 'Язык',
  'layout.changeLanguage': 'Сменить',
  'nav.home': 'Главная',
  'nav.users': 'Пользователи',
  'nav.audit': 'Журнал аудита',
  'nav.account': 'Моя учётная запись',
  'nav.signOut': 'Выйти',
  'role.caseworker': 'Куратор дел',
  'role.supervisor': 'Супервизор',
  'role.admin': 'Администратор',

  'error.reference': 'Если ошибка повторяется, сообщите администратору этот номер:',
  'error.home': 'На главную страницу',
  'error.forbidden.title': 'Доступ запрещён',
  'error.forbidden.message': 'Ваша учётная запись не даёт доступа к этой странице.',
  'error.crossSite': 'Этот запрос пришёл не со страницы Waypost, поэтому он отклонён.',
  'error.notFound.title': 'Страница не найдена',
  'once.resubmitted': 'Эта форма уже была отправлена; ничего не создано дважды. Вот к чему она привела.',
  'once.pending.title': 'Уже отправляется',
  'once.pending.message':
    'Эта форма уже отправлена и ещё обрабатывается. Подождите немного и откройте страницу снова.',
  'error.notFound.message': 'Здесь ничего нет, или у вас нет к этому доступа.',
  'error.tooLarge.title': 'Слишком большой объём',
  'error.tooLarge.message': 'Отправленные данные больше, чем принимает Waypost.',
  'error.badRequest.title': 'Запрос содержит ошибку',
  'error.badRequest.message': 'Вернитесь и попробуйте ещё раз. Ничего не сохранено.',
  'error.server.title': 'Что-то пошло не так',
  'error.server.message': 'Waypost не смог выполнить запрос. Ничего не изменено.',

  'signIn.title': 'Вход',
  'signIn.submit': 'Войти',
  'signIn.noUsers':
    'Учётных записей ещё нет. Воспользуйтесь одноразовой ссылкой для настройки, которую Waypost вывел в консоль при запуске.',
  'signIn.failed': 'Неверный адрес электронной почты или пароль.',
  'signIn.throttled': 'Слишком много неудачных попыток. Подождите 15 минут и попробуйте снова.',
  'signIn.sessionExpired':
    'Сеанс закончился до отправки формы. Войдите снова, и форма будет сохранена: ничего из введённого не потеряно.',
  'signIn.notice.setupDone': 'Учётная запись администратора создана. Войдите с ней.',
  'signIn.notice.passwordSet': 'Пароль установлен. Войдите с ним.',
  'signIn.notice.signedOut': 'Вы вышли из системы.',

  'field.email': 'Адрес электронной почты',
  'field.password': 'Пароль',
  'field.displayName': 'Имя',
  'field.newPassword': 'Новый пароль',
  'field.passwordConfirm': 'Новый пароль ещё раз',
  'field.currentPassword': 'Текущий пароль',
  'field.role': 'Роль',

  'resubmit.title': 'Отправьте форму ещё раз',
  'resubmit.message':
    'Форма была отправлена со страницы, которая больше не действительна (например, вы снова вошли в другой вкладке). Введённые данные сохранены ниже: отправьте их ещё раз.',
  'resubmit.submit': 'Отправить ещё раз',
  'unavailable.title': 'Временно недоступно',
  'unavailable.message':
    'Waypost сейчас не может связаться со своей базой данных. Ничего из того, что вы ввели, не потеряно. Подождите минуту и попробуйте снова.',
  'unavailable.retry': 'Попробовать снова',

  'setup.title': 'Создание первого администратора',
  'setup.intro':
    'Эта одноразовая ссылка создаёт учётную запись администратора, который управляет остальными. Она действует один раз и в течение часа.',
  'setup.submit': 'Создать администратора',

  'setPassword.title': 'Установите пароль',
  'setPassword.invite': 'Вас пригласили в Waypost как {email}. Чтобы закончить, выберите пароль.',
  'setPassword.reset': 'Администратор сбросил пароль {email}. Выберите новый.',
  'setPassword.submit': 'Установить пароль',

  'password.hint': 'Не менее 12 символов. Несколько несвязанных слов дают надёжный и запоминающийся пароль.',
  'password.too_short': 'Используйте не менее 12 символов.',
  'password.too_long': 'Используйте не более 256 символов.',
  'password.too_common': 'Этот пароль — один из самых распространённых. Выберите другой.',
  'password.contains_email': 'Не используйте адрес электронной почты в пароле.',
  'password.mismatch': 'Пароли не совпадают.',

  'home.title': 'Главная',
  'home.welcome': 'Здравствуйте, {name}',
  'home.role.caseworker':
    'Вы ведёте первичные интервью, работаете по списку проверки и готовите сводки по делам.',
  'home.role.supervisor':
    'Вы рассматриваете дела с пометками и принимаете решения о направлении. Каждое решение фиксируется.',
  'home.role.admin':
    'Вы управляете учётными записями и ролями, защитой входа, бланком организации и справочными данными и читаете журнал аудита.',
  'home.admin.noCases':
    'Вы видите, сколько дел в системе, но не их содержание: администратор не может открыть дело, получить его в работу, видеть очередь на рассмотрение или выгружать сводку, файл дела или вложения.',
  'home.admin.secondAccount':
    'Тот, кто администрирует Waypost и должен также рассматривать дела, получает вторую учётную запись супервайзера со своим адресом почты; действия в каждой записываются раздельно.',

  'account.title': 'Моя учётная запись',
  'account.changePassword': 'Сменить пароль',
  'account.passwordChanged': 'Пароль изменён.',
  'account.currentPasswordWrong': 'Это не ваш текущий пароль.',

  'form.required': 'Заполните это поле.',
  'form.tooLong': 'Слишком длинное значение.',
  'form.email': 'Введите адрес электронной почты, например name@example.org.',
  'form.choose': 'Выберите один из вариантов.',
  'form.invalid': 'Недопустимое значение.',
  'form.unknownField': 'Форма содержала лишние поля. Обновите страницу и попробуйте снова.',

  'link.invalid.title': 'Ссылка не работает',
  'link.invalid.message':
    'Срок действия ссылки истёк, она уже была использована или заменена новой. Попросите администратора прислать новую ссылку.',

  'admin.users.title': 'Пользователи',
  'admin.users.add': 'Добавить пользователя',
  'admin.users.addIntro':
    'Новый пользователь получит одноразовую ссылку, чтобы самому задать пароль. Никто другой его не узнает.',
  'admin.users.create': 'Создать пользователя и ссылку',
  'admin.users.back': '← Все пользователи',
  'admin.status': 'Состояние',
  'admin.status.disabled': 'Отключён',
  'admin.status.active': 'Активен',
  'admin.status.invited': 'Приглашён (пароль ещё не задан)',
  'admin.emailTaken': 'Пользователь с таким адресом уже существует.',
  'admin.lastAdmin': 'Это последний активный администратор. Сначала назначьте администратором кого-то ещё.',
  'admin.notSelf': 'Нельзя отключить собственную учётную запись.',
  'admin.link.title': 'Одноразовая ссылка',
  'admin.link.invite':
    'Передайте эту ссылку: {name}. По ней можно один раз задать пароль в течение 72 часов.',
  'admin.link.reset':
    'Старый пароль ({name}) больше не действует, все сеансы завершены. По этой ссылке можно один раз задать новый пароль в течение 24 часов.',
  'admin.link.label': 'Ссылка',
  'admin.link.safety':
    'Передайте её по надёжному каналу, никогда — по общедоступному. Она показывается только сейчас.',
  'admin.link.back': 'Вернуться к пользователю',
  'admin.link.reissue':
    '{name} ещё не задал(а) пароль. Эта новая ссылка заменяет выданную раньше, которая больше не действует; по ней можно один раз задать пароль в течение 72 часов.',
  'admin.link.copy': 'Скопировать ссылку',
  'admin.link.copied': 'Ссылка скопирована.',
  'admin.user.reissueHint':
    'Ссылка не сохранилась или потерялась? Новая ссылка заменит выданную раньше. Пароля, который нужно сбрасывать, ещё нет.',
  'admin.user.reissue': 'Выдать новую ссылку',
  'admin.user.changeRole': 'Роль',
  'admin.user.saveRole': 'Сохранить роль',
  'admin.user.access': 'Доступ',
  'admin.user.disableHint': 'Отключение сразу завершает все сеансы пользователя и запрещает вход.',
  'admin.user.enableHint': 'Пользователь снова сможет входить со своим паролем.',
  'admin.user.disable': 'Отключить учётную запись',
  'admin.user.enable': 'Включить учётную запись',
  'admin.user.resetHint': 'Текущий пароль перестанет действовать, а вы получите ссылку для нового.',
  'admin.user.reset': 'Сбросить пароль',
  'admin.audit.title': 'Журнал аудита',
  'admin.audit.verify': 'Проверить цепочку',
  'admin.audit.intact':
    'Журнал аудита не изменён: записей в цепочке — {rows}, все MAC сходятся (ещё не в цепочке: {pending}).',
  'admin.audit.broken': 'Журнал аудита изменён в записи {id}: {reason}.',
  'admin.audit.back': 'Вернуться к журналу аудита',
  'admin.audit.when': 'Когда',
  'admin.audit.who': 'Кто',
  'admin.audit.what': 'Что',
  'admin.audit.target': 'Объект',
  'admin.audit.actor.system': 'Сама система Waypost',
  'admin.audit.actor.cli': 'Команда на сервере',
  'admin.audit.removedAccount': 'учётная запись, которой больше нет',
  'admin.audit.removedCase': 'дело, которого больше нет',
  'admin.audit.filter.title': 'Найти записи',
  'admin.audit.filter.user': 'Пользователь',
  'admin.audit.filter.userHint': 'Его действия и действия с его учётной записью.',
  'admin.audit.filter.case': 'Номер дела',
  'admin.audit.filter.caseHint': 'Номер целиком, например WP-2026-0042.',
  'admin.audit.filter.action': 'Действие',
  'admin.audit.filter.from': 'С (день, UTC)',
  'admin.audit.filter.to': 'По (день, UTC, включительно)',
  'admin.audit.filter.dateHint': 'В виде 2026-12-31.',
  'admin.audit.filter.any': 'Любое',
  'admin.audit.filter.apply': 'Показать записи',
  'admin.audit.filter.reset': 'Показать все записи',
  'admin.audit.filter.none': 'Нет записей, подходящих под эти условия.',
  'admin.audit.filter.badUser': 'Выберите пользователя из списка.',
  'admin.audit.filter.badReference': 'Номер дела состоит из букв, цифр и дефисов, например WP-2026-0042.',
  'admin.audit.filter.unknownReference': 'Дела с таким номером нет.',
  'admin.audit.filter.badAction': 'Выберите действие из списка.',
  'admin.audit.filter.badDate': 'Введите день в виде 2026-12-31.',
  'admin.audit.filter.toBeforeFrom': 'Последний день раньше первого.',
  'admin.audit.newest': 'Самые новые записи',
  'admin.audit.checkpoint.title': 'Последняя подписанная контрольная точка',
  'admin.audit.checkpoint.hint':
    'Скопируйте её туда, куда нет доступа ни у базы данных, ни у этого сервера (менеджер паролей, распечатка). Новая точка записывается каждый час. С копией эта команда доказывает, что ничего записанного до неё не удалено и не переписано:',
  'admin.audit.checkpoint.none': 'Контрольных точек пока нет.',
  'admin.audit.checkpoint.write': 'Записать контрольную точку сейчас',
  'admin.audit.older': 'Более ранние записи',
};

export const ru: Record<MessageKey, string> = {
  ...core,
  ...casesRu,
  ...inputRu,
  ...reviewRu,
  ...caseListRu,
  ...summaryRu,
  ...twoFactorRu,
  ...referenceDataRu,
  ...attachmentsRu,
  ...conflictsRu,
  ...decisionsRu,
};
