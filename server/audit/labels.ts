// What the history and audit pages say for each audit action, in each language: a sentence a person reads
// ("Viewed the Service form", "Assigned the case to Anna K."), never the action's code, its JSON detail or an
// id. Every action the app may write is listed here: `appendAudit` accepts no other (server/audit.ts), so the
// type checker refuses an action without a sentence. Details hold ids and codes only; this module turns
// them into names and titles.
import type { Locale } from '../../db/schema';
import { countryName } from '../../rules/i18n';
import { labels } from '../../rules/labels';
import { flagTitle } from '../../rules/titles';
import { catalogues } from '../i18n';

export const auditActions = [
  'case.created',
  'case.imported',
  'case.import_attachments',
  'case.import_undone',
  'case.viewed',
  'case.listed',
  'case.section_saved',
  'case.decision_withdrawn',
  'case.assigned',
  'case.exported',
  'case.summary_exported',
  'case.start_verification',
  'case.send_for_review',
  'case.clear_flag',
  'case.uphold_flag',
  'case.request_info',
  'case.answer_request',
  'case.approve_referral',
  'case.decline_referral',
  'case.close',
  'case.reopen',
  'case.withdraw',
  'case.restore',
  'case.comment',
  'attachment.added',
  'attachment.viewed',
  'attachment.removed',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_throttled',
  'auth.sign_out',
  'auth.session_ended',
  'auth.account_locked',
  'auth.failed_attempts_reported',
  'auth.step_up',
  'auth.recovery_code_used',
  'auth.second_factor_failed',
  'auth.second_factor_throttled',
  'setup.admin_created',
  'user.created',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'user.invitation_reissued',
  'user.password_set',
  'user.password_changed',
  'user.recovery_codes_issued',
  'user.totp_enabled',
  'user.totp_removed',
  'user.passkey_added',
  'user.passkey_removed',
  'user.second_factor_reset',
  'security.second_factor_policy',
  'organisation.updated',
  'reference_data.reviewed',
  'audit.checkpoint',
  'audit.verified',
] as const;
export type AuditAction = (typeof auditActions)[number];

const isAuditAction = (action: string): action is AuditAction =>
  (auditActions as readonly string[]).includes(action);

/** What a sentence may use besides the entry's detail. */
export interface LabelContext {
  locale: Locale;
  /** A user's display name by id. */
  userName(id: unknown): string;
}

type Detail = Record<string, unknown>;
type Sentence = (detail: Detail, context: LabelContext) => string;

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

/** A catalogue entry by a key built from data; undefined when there is none. */
function message(locale: Locale, key: string): string | undefined {
  const catalogue: Readonly<Record<string, string | undefined>> = catalogues[locale];
  return catalogue[key];
}

/** A form or list by its id (`form:service`, `documents`), a section by its name, or "a part of the case". */
function partName(locale: Locale, id: string): string {
  const bare = id.replace(/^form:/, '');
  return (
    message(locale, `case.form.${bare}.title`) ??
    message(locale, `case.list.${bare}.title`) ??
    message(locale, `case.section.${bare}`) ??
    (locale === 'ru' ? 'часть дела' : 'a part of the case')
  );
}

const profileNames: Record<Locale, Record<string, string>> = {
  en: { full: 'full', partner: 'partner', minimal: 'minimal' },
  ru: { full: 'полная', partner: 'для партнёров', minimal: 'минимальная' },
};
const profileName = (locale: Locale, profile: unknown) => profileNames[locale][str(profile)] ?? '';
const statusName = (locale: Locale, status: unknown) => message(locale, `case.status.${str(status)}`) ?? '';
const roleName = (locale: Locale, role: unknown) => message(locale, `role.${str(role)}`) ?? '';
const pathwayName = (locale: Locale, pathway: unknown) => {
  const pathways: Readonly<Record<string, string>> = labels[locale].pathways;
  return pathways[str(pathway)] ?? '';
};
const languageName = (locale: Locale, language: unknown) =>
  new Intl.DisplayNames([locale], { type: 'language' }).of(str(language) || 'und') ?? '';
const statusChange = (d: Detail, locale: Locale) =>
  d.to
    ? locale === 'ru'
      ? ` (статус: ${statusName(locale, d.to)})`
      : ` (now ${statusName(locale, d.to)})`
    : '';

/** Which page of a case was read (the case scope's `caseView`: server/routes/case-scope.ts). */
const views: Record<Locale, Record<string, string>> = {
  en: {
    page: 'Viewed the case page',
    history: "Viewed the case's history",
    attachments: 'Viewed the list of attached files',
    attachment: 'Viewed an attached file',
    'attachment.file': 'Opened an attached file',
    'attachment.thumbnail': "Viewed an attached file's preview",
    'attachment.download': 'Downloaded an attached file',
    'attachment.remove': 'Opened the page to erase an attached file',
    'export.json': 'Exported the case file',
    'export.zip': 'Exported the case file with its attached files',
    summary: 'Viewed the printable summary',
    'summary.pdf': 'Downloaded the summary as PDF',
  },
  ru: {
    page: 'Просмотрена страница дела',
    history: 'Просмотрена история дела',
    attachments: 'Просмотрен список вложений',
    attachment: 'Просмотрено вложение',
    'attachment.file': 'Открыто вложение',
    'attachment.thumbnail': 'Просмотрено превью вложения',
    'attachment.download': 'Скачано вложение',
    'attachment.remove': 'Открыта страница удаления вложения',
    'export.json': 'Выгружен файл дела',
    'export.zip': 'Выгружен файл дела с вложениями',
    summary: 'Просмотрена сводка для печати',
    'summary.pdf': 'Скачана сводка в PDF',
  },
};

function viewed(d: Detail, locale: Locale): string {
  const view = str(d.view);
  const [kind, rest = ''] = view.split(':');
  const ru = locale === 'ru';
  switch (kind) {
    case 'form':
      return ru
        ? `Просмотрена форма «${partName(locale, rest)}»`
        : `Viewed the ${partName(locale, rest)} form`;
    case 'new':
      return ru
        ? `Открыта форма новой записи: «${partName(locale, rest)}»`
        : `Opened a new entry in ${partName(locale, rest)}`;
    case 'remove':
      return ru
        ? `Открыта страница удаления записи: «${partName(locale, rest)}»`
        : `Opened the page to remove an entry from ${partName(locale, rest)}`;
    case 'decide':
      return ru
        ? `Открыта страница решения: ${decisionName(rest, locale)}`
        : `Opened the decision page: ${decisionName(rest, locale)}`;
    default:
      return views[locale][view] ?? views[locale].page!;
  }
}

/** A decision's name, from the sentence its audit entry gets ("Cleared a flag"), for a decision page. */
function decisionName(action: string, locale: Locale): string {
  const key = `case.${action}`;
  if (!isAuditAction(key)) return locale === 'ru' ? 'решение' : 'a decision';
  const sentence = sentences[locale][key]({}, { locale, userName: () => '' });
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

const listNames: Record<Locale, Record<string, string>> = {
  en: {
    list: 'the case list',
    home: 'the home page',
    queue: 'the review queue',
    summaries: 'the group summary choice',
  },
  ru: {
    list: 'списке дел',
    home: 'главной странице',
    queue: 'очереди на рассмотрение',
    summaries: 'выборе дел для общей сводки',
  },
};
const SHOWN_REFERENCES = 10;

/** Which cases a list showed: their references (never what they hold), the first few and how many more. */
function listed(d: Detail, locale: Locale): string {
  const references = Array.isArray(d.references) ? d.references.filter((r) => typeof r === 'string') : [];
  const where = listNames[locale][str(d.view)] ?? listNames[locale].list!;
  const shown = references.slice(0, SHOWN_REFERENCES).join(', ');
  const more = references.length - SHOWN_REFERENCES;
  if (locale === 'ru') {
    if (!references.length) return d.view ? `Дел не показано в ${where}` : 'Показан список дел';
    return `Показаны дела (${references.length}) в ${where}: ${shown}${more > 0 ? ` и ещё ${more}` : ''}`;
  }
  if (!references.length) return d.view ? `Was shown no case in ${where}` : 'Was shown a list of cases';
  return `Was shown ${references.length} case(s) in ${where}: ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

const en: Record<AuditAction, Sentence> = {
  'case.created': () => 'Created the case',
  'case.imported': () => 'Imported the case from a file',
  'case.import_attachments': () => "Imported the case's scans from a case-with-attachments file",
  'case.import_undone': () => 'Undid an import whose scans were refused',
  'case.decision_withdrawn': () => 'A change withdrew the standing decision; the case went back to review',
  'case.viewed': (d) => viewed(d, 'en'),
  'case.listed': (d) => listed(d, 'en'),
  'case.section_saved': (d) =>
    d.section ? `Saved the ${partName('en', str(d.section))} section` : 'Saved a section',
  'case.assigned': (d, c) => (d.to ? `Assigned the case to ${c.userName(d.to)}` : 'Assigned the case'),
  'case.exported': (d) =>
    d.format === 'zip'
      ? `Exported the case file with ${num(d.attachments)} attached file(s)`
      : 'Exported the case file',
  'case.summary_exported': (d) =>
    `Exported ${d.profile ? `the ${profileName('en', d.profile)}` : 'a'} summary${d.format === 'pdf' ? ' as PDF' : ''}${d.language ? `, in ${languageName('en', d.language)}` : ''}${Array.isArray(d.group) ? `, with ${d.group.length} cases` : ''}`,
  'case.start_verification': (d) => `Started verification${statusChange(d, 'en')}`,
  'case.send_for_review': (d) => `Sent the case for a supervisor's decision${statusChange(d, 'en')}`,
  'case.clear_flag': (d) =>
    d.flagId ? `Cleared the flag “${flagTitle(str(d.flagId), 'en')}”` : 'Cleared a flag',
  'case.uphold_flag': (d) =>
    d.flagId ? `Upheld the flag “${flagTitle(str(d.flagId), 'en')}”` : 'Upheld a flag',
  'case.request_info': (d) => `Asked the caseworker for more information${statusChange(d, 'en')}`,
  'case.answer_request': (d) => `Answered a request for information${statusChange(d, 'en')}`,
  'case.approve_referral': (d) =>
    d.country
      ? `Approved the referral: ${countryName(str(d.country), 'en')}, ${pathwayName('en', d.pathway)}`
      : 'Approved the referral',
  'case.decline_referral': (d) => `Declined the referral${statusChange(d, 'en')}`,
  'case.close': () => 'Closed the case',
  'case.reopen': (d) => `Reopened the case${statusChange(d, 'en')}`,
  'case.withdraw': () => 'Withdrew the case (created by mistake)',
  'case.restore': () => 'Restored the withdrawn case',
  'case.comment': () => 'Added a comment',
  'attachment.added': () => 'Attached a file',
  'attachment.viewed': (d) =>
    d.view === 'download' ? 'Downloaded an attached file' : 'Viewed an attached file',
  'attachment.removed': () => 'Erased an attached file',
  'auth.sign_in': () => 'Signed in',
  'auth.sign_in_failed': () => 'Failed to sign in (wrong email or password)',
  'auth.sign_in_throttled': () => 'Sign-in refused: too many attempts',
  'auth.sign_out': () => 'Signed out',
  'auth.session_ended': (d) => (d.others ? 'Ended all other sessions' : 'Ended a session'),
  'auth.account_locked': () => 'Account locked after repeated failed sign-ins',
  'auth.failed_attempts_reported': (d) =>
    `Was told of failed sign-in attempts on the account${d.failed ? ` (${num(d.failed)})` : ''}`,
  'auth.step_up': () => 'Confirmed their identity again for a sensitive action',
  'auth.recovery_code_used': (d) =>
    `Used a recovery code${d.left !== undefined ? ` (${num(d.left)} left)` : ''}`,
  'auth.second_factor_failed': () => 'Entered a wrong second-factor code',
  'auth.second_factor_throttled': () => 'Second-factor check refused: too many attempts',
  'setup.admin_created': () => 'Created the first administrator account',
  'user.created': (d) => `Invited a new ${d.role ? roleName('en', d.role).toLowerCase() : 'user'}`,
  'user.role_changed': (d) =>
    d.to
      ? `Changed the role from ${roleName('en', d.from).toLowerCase()} to ${roleName('en', d.to).toLowerCase()}`
      : 'Changed the role',
  'user.disabled': () => 'Disabled the account',
  'user.enabled': () => 'Enabled the account again',
  'user.password_reset': () => 'Reset the password (a one-time link was issued)',
  'user.invitation_reissued': () => 'Issued a new invitation link',
  'user.password_set': () => 'Set a password through a one-time link',
  'user.password_changed': () => 'Changed their password',
  'user.recovery_codes_issued': () => 'Made new recovery codes',
  'user.totp_enabled': () => 'Set up an authenticator app',
  'user.totp_removed': () => 'Removed the authenticator app',
  'user.passkey_added': () => 'Added a passkey',
  'user.passkey_removed': () => 'Removed a passkey',
  'user.second_factor_reset': () => "Reset the account's second factors",
  'security.second_factor_policy': (d) =>
    d.role
      ? `${d.required ? 'Required' : 'Stopped requiring'} a second factor for ${roleName('en', d.role).toLowerCase()}s`
      : 'Changed who must use a second factor',
  'organisation.updated': () => "Changed the organisation's letterhead",
  'reference_data.reviewed': () => 'Recorded a review of the reference data',
  'audit.checkpoint': () => 'Wrote a signed checkpoint of the audit log',
  'audit.verified': (d) =>
    d.ok === undefined
      ? 'Verified the audit log'
      : d.ok
        ? `Verified the audit log: intact (${num(d.rows)} entries)`
        : 'Verified the audit log: tampering found',
};

const ruStatusChange = (d: Detail) => statusChange(d, 'ru');
const ru: Record<AuditAction, Sentence> = {
  'case.created': () => 'Создано дело',
  'case.imported': () => 'Дело загружено из файла',
  'case.import_attachments': () => 'Загружены сканы дела из файла с вложениями',
  'case.import_undone': () => 'Загрузка отменена: сканы отклонены',
  'case.decision_withdrawn': () => 'Изменение отозвало принятое решение; дело возвращено на проверку',
  'case.viewed': (d) => viewed(d, 'ru'),
  'case.listed': (d) => listed(d, 'ru'),
  'case.section_saved': (d) =>
    d.section ? `Сохранён раздел «${partName('ru', str(d.section))}»` : 'Сохранён раздел',
  'case.assigned': (d, c) => (d.to ? `Дело передано: ${c.userName(d.to)}` : 'Дело передано'),
  'case.exported': (d) =>
    d.format === 'zip' ? `Выгружен файл дела с вложениями (${num(d.attachments)})` : 'Выгружен файл дела',
  'case.summary_exported': (d) =>
    `Выгружена сводка${d.profile ? ` (${profileName('ru', d.profile)})` : ''}${d.format === 'pdf' ? ' в PDF' : ''}${d.language ? `, язык: ${languageName('ru', d.language)}` : ''}${Array.isArray(d.group) ? `, дел: ${d.group.length}` : ''}`,
  'case.start_verification': (d) => `Начата проверка${ruStatusChange(d)}`,
  'case.send_for_review': (d) => `Дело передано на решение супервайзеру${ruStatusChange(d)}`,
  'case.clear_flag': (d) => (d.flagId ? `Снят флаг «${flagTitle(str(d.flagId), 'ru')}»` : 'Снят флаг'),
  'case.uphold_flag': (d) =>
    d.flagId ? `Флаг «${flagTitle(str(d.flagId), 'ru')}» подтверждён` : 'Флаг подтверждён',
  'case.request_info': (d) => `Запрошены дополнительные сведения${ruStatusChange(d)}`,
  'case.answer_request': (d) => `Дан ответ на запрос сведений${ruStatusChange(d)}`,
  'case.approve_referral': (d) =>
    d.country
      ? `Направление одобрено: ${countryName(str(d.country), 'ru')}, ${pathwayName('ru', d.pathway)}`
      : 'Направление одобрено',
  'case.decline_referral': (d) => `В направлении отказано${ruStatusChange(d)}`,
  'case.close': () => 'Дело закрыто',
  'case.reopen': (d) => `Дело открыто снова${ruStatusChange(d)}`,
  'case.withdraw': () => 'Дело отозвано (создано по ошибке)',
  'case.restore': () => 'Отозванное дело восстановлено',
  'case.comment': () => 'Добавлен комментарий',
  'attachment.added': () => 'Приложен файл',
  'attachment.viewed': (d) => (d.view === 'download' ? 'Скачано вложение' : 'Просмотрено вложение'),
  'attachment.removed': () => 'Вложение стёрто',
  'auth.sign_in': () => 'Вход в систему',
  'auth.sign_in_failed': () => 'Неудачный вход (неверный адрес или пароль)',
  'auth.sign_in_throttled': () => 'Вход отклонён: слишком много попыток',
  'auth.sign_out': () => 'Выход из системы',
  'auth.session_ended': (d) => (d.others ? 'Завершены все другие сеансы' : 'Завершён сеанс'),
  'auth.account_locked': () => 'Учётная запись заблокирована после неудачных попыток входа',
  'auth.failed_attempts_reported': (d) =>
    `Сообщено о неудачных попытках входа${d.failed ? `: ${num(d.failed)}` : ''}`,
  'auth.step_up': () => 'Повторное подтверждение личности для важного действия',
  'auth.recovery_code_used': (d) =>
    `Использован резервный код${d.left !== undefined ? ` (осталось: ${num(d.left)})` : ''}`,
  'auth.second_factor_failed': () => 'Неверный код второго фактора',
  'auth.second_factor_throttled': () => 'Проверка второго фактора отклонена: слишком много попыток',
  'setup.admin_created': () => 'Создана первая учётная запись администратора',
  'user.created': (d) =>
    `Приглашён новый пользователь${d.role ? ` (${roleName('ru', d.role).toLowerCase()})` : ''}`,
  'user.role_changed': (d) =>
    d.to
      ? `Роль изменена: ${roleName('ru', d.from).toLowerCase()} → ${roleName('ru', d.to).toLowerCase()}`
      : 'Роль изменена',
  'user.disabled': () => 'Учётная запись отключена',
  'user.enabled': () => 'Учётная запись снова включена',
  'user.password_reset': () => 'Пароль сброшен (выдана одноразовая ссылка)',
  'user.invitation_reissued': () => 'Выдана новая ссылка-приглашение',
  'user.password_set': () => 'Пароль задан по одноразовой ссылке',
  'user.password_changed': () => 'Пароль изменён',
  'user.recovery_codes_issued': () => 'Созданы новые резервные коды',
  'user.totp_enabled': () => 'Подключено приложение-аутентификатор',
  'user.totp_removed': () => 'Приложение-аутентификатор удалено',
  'user.passkey_added': () => 'Добавлен ключ доступа',
  'user.passkey_removed': () => 'Ключ доступа удалён',
  'user.second_factor_reset': () => 'Сброшены вторые факторы учётной записи',
  'security.second_factor_policy': (d) =>
    d.role
      ? `Второй фактор для роли «${roleName('ru', d.role)}» ${d.required ? 'обязателен' : 'больше не обязателен'}`
      : 'Изменено, кому нужен второй фактор',
  'organisation.updated': () => 'Изменён бланк организации',
  'reference_data.reviewed': () => 'Записана проверка справочных данных',
  'audit.checkpoint': () => 'Записана подписанная контрольная точка журнала аудита',
  'audit.verified': (d) =>
    d.ok === undefined
      ? 'Журнал аудита проверен'
      : d.ok
        ? `Журнал аудита проверен: не изменён (записей: ${num(d.rows)})`
        : 'Журнал аудита проверен: найдено вмешательство',
};

const sentences: Record<Locale, Record<AuditAction, Sentence>> = { en, ru };

/** The sentence for one entry; an action this version does not know (a newer app wrote it) is said so. */
export function auditSentence(action: string, detail: Detail, context: LabelContext): string {
  if (!isAuditAction(action)) return context.locale === 'ru' ? 'Другое действие' : 'Another action';
  return sentences[context.locale][action](detail, context);
}

/** Each action with its short name, for the audit page's filter. */
export function actionChoices(locale: Locale): { value: AuditAction; label: string }[] {
  const none: LabelContext = { locale, userName: () => '…' };
  return auditActions.map((value) => ({ value, label: sentences[locale][value]({}, none) }));
}
