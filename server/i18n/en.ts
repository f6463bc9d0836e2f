// The English catalogue: the reference for every visible string of the app. Large features keep their
// strings in their own file (NAME.en.ts beside NAME.ru.ts), merged here.
import { attachmentsEn } from './attachments.en';
import { caseListEn } from './case-list.en';
import { casesEn } from './cases.en';
import { conflictsEn } from './conflicts.en';
import { decisionsEn } from './decisions.en';
import { inputEn } from './input.en';
import { referenceDataEn } from './reference-data.en';
import { reviewEn } from './review.en';
import { summaryEn } from './summary.en';
import { twoFactorEn } from './two-factor.en';

const core = {
  'layout.skip': 'Skip to content',
  'layout.mainNav': 'Main',
  'layout.language': 'Language',
  'layout.changeLanguage': 'Change',
  'nav.home': 'Home',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'nav.account': 'My account',
  'nav.signOut': 'Sign out',
  'role.caseworker': 'Caseworker',
  'role.supervisor': 'Supervisor',
  'role.admin': 'Administrator',

  'error.reference': 'If this keeps happening, give your administrator this reference:',
  'error.home': 'Back to the home page',
  'error.forbidden.title': 'Not allowed',
  'error.forbidden.message': 'Your account does not give you access to this page.',
  'error.crossSite': 'This request did not come from a Waypost page, so it was refused.',
  'error.notFound.title': 'Page not found',
  'once.resubmitted': 'This form had already been sent; nothing was created twice. Here is what it led to.',
  'once.pending.title': 'Already being sent',
  'once.pending.message':
    'This form was already sent and is still being processed. Wait a moment, then open the page again.',
  'error.notFound.message': 'There is nothing here, or you do not have access to it.',
  'error.tooLarge.title': 'Too large',
  'error.tooLarge.message': 'What you sent is larger than Waypost accepts.',
  'error.badRequest.title': 'Something was wrong with that request',
  'error.badRequest.message': 'Go back and try again. Nothing was saved.',
  'error.server.title': 'Something went wrong',
  'error.server.message': 'Waypost could not finish this request. Nothing was changed.',

  'signIn.title': 'Sign in',
  'signIn.submit': 'Sign in',
  'signIn.noUsers':
    'No account exists yet. Use the one-time set-up link printed in the console where Waypost was started.',
  'signIn.failed': 'The email address or password is not correct.',
  'signIn.throttled': 'Too many failed attempts. Wait 15 minutes, then try again.',
  'signIn.sessionExpired':
    'Your session ended before your form was sent. Sign in again and it will be saved: nothing you typed is lost.',
  'signIn.notice.setupDone': 'Your administrator account is ready. Sign in with it.',
  'signIn.notice.passwordSet': 'Your password is set. Sign in with it.',
  'signIn.notice.signedOut': 'You are signed out.',

  'field.email': 'Email address',
  'field.password': 'Password',
  'field.displayName': 'Name',
  'field.newPassword': 'New password',
  'field.passwordConfirm': 'New password again',
  'field.currentPassword': 'Current password',
  'field.role': 'Role',

  'resubmit.title': 'Send your form again',
  'resubmit.message':
    'This form came from a page that is no longer valid (for example, you signed in again in another tab). What you typed is kept below: send it again to save it.',
  'resubmit.submit': 'Send again',
  'unavailable.title': 'Temporarily unavailable',
  'unavailable.message':
    'Waypost cannot reach its database just now. Nothing you typed is lost. Wait a minute, then try again.',
  'unavailable.retry': 'Try again',

  'setup.title': 'Create the first administrator',
  'setup.intro':
    'This one-time link creates the administrator account that manages everyone else. It works once and for one hour.',
  'setup.submit': 'Create administrator',

  'setPassword.title': 'Set your password',
  'setPassword.invite': 'You have been invited to Waypost as {email}. Choose a password to finish.',
  'setPassword.reset': 'An administrator reset the password of {email}. Choose a new one.',
  'setPassword.submit': 'Set password',

  'password.hint': 'At least 12 characters. A few unrelated words make a strong, memorable password.',
  'password.too_short': 'Use at least 12 characters.',
  'password.too_long': 'Use at most 256 characters.',
  'password.too_common': 'This password is among the most common ones. Choose another.',
  'password.contains_email': 'Do not use your email address in your password.',
  'password.mismatch': 'The two passwords are not the same.',

  'home.title': 'Home',
  'home.welcome': 'Welcome, {name}',
  'home.role.caseworker':
    'You log intake interviews, work the verification checklist and prepare case summaries.',
  'home.role.supervisor':
    'You review flagged cases and decide on referrals. Every decision is on the record.',
  'home.role.admin':
    "You manage accounts and roles, sign-in security, the organisation's letterhead and the reference data, and you read the audit log.",
  'home.admin.noCases':
    'You see how many cases there are, never what they hold: an admin cannot open a case, be assigned one, see the review queue or export a summary, a case file or an attachment.',
  'home.admin.secondAccount':
    'Someone who administers Waypost and must also review cases holds a second, supervisor account with its own email address; what they do as each is recorded apart.',

  'account.title': 'My account',
  'account.changePassword': 'Change password',
  'account.passwordChanged': 'Your password was changed.',
  'account.currentPasswordWrong': 'This is not your current password.',

  'form.required': 'Fill this in.',
  'form.tooLong': 'This is too long.',
  'form.email': 'Enter an email address, like name@example.org.',
  'form.choose': 'Choose one of the options.',
  'form.invalid': 'This value is not valid.',
  'form.unknownField': 'The form contained fields it should not have. Reload the page and try again.',

  'link.invalid.title': 'This link does not work',
  'link.invalid.message':
    'The link has expired, was already used, or was replaced by a newer one. Ask your administrator for a new link.',

  'admin.users.title': 'Users',
  'admin.users.add': 'Add a user',
  'admin.users.addIntro':
    'The new user gets a one-time link to set their own password. Nobody else ever knows it.',
  'admin.users.create': 'Create user and link',
  'admin.users.back': '← All users',
  'admin.status': 'Status',
  'admin.status.disabled': 'Disabled',
  'admin.status.active': 'Active',
  'admin.status.invited': 'Invited (no password yet)',
  'admin.emailTaken': 'A user with this email address already exists.',
  'admin.lastAdmin': 'This is the last active administrator. Make someone else an administrator first.',
  'admin.notSelf': 'You cannot disable your own account.',
  'admin.link.title': 'One-time link',
  'admin.link.invite':
    'Give this link to {name}. It lets them set their password and works once, for 72 hours.',
  'admin.link.reset':
    'The old password of {name} no longer works and they were signed out. This link lets them set a new one; it works once, for 24 hours.',
  'admin.link.label': 'Link',
  'admin.link.safety': 'Pass it on through a channel you trust, never by a public one. It is shown only now.',
  'admin.link.back': 'Back to the user',
  'admin.link.reissue':
    '{name} has not set a password yet. This new link replaces the one given before, which no longer works; it lets them set their password, once, for 72 hours.',
  'admin.link.copy': 'Copy link',
  'admin.link.copied': 'Link copied.',
  'admin.user.reissueHint':
    'Link not saved or lost? A new link replaces the one given before. There is no password to reset yet.',
  'admin.user.reissue': 'Issue a new link',
  'admin.user.changeRole': 'Role',
  'admin.user.saveRole': 'Save role',
  'admin.user.access': 'Access',
  'admin.user.disableHint': 'Disabling signs the user out everywhere at once and stops them signing in.',
  'admin.user.enableHint': 'The user will be able to sign in again with their password.',
  'admin.user.disable': 'Disable account',
  'admin.user.enable': 'Enable account',
  'admin.user.resetHint': 'Makes the current password stop working and gives you a link for a new one.',
  'admin.user.reset': 'Reset password',
  'admin.audit.title': 'Audit log',
  'admin.audit.verify': 'Verify the chain',
  'admin.audit.intact':
    'The audit log is intact: {rows} chained entries, every MAC checks ({pending} newest not chained yet).',
  'admin.audit.broken': 'The audit log has been tampered with at entry {id}: {reason}.',
  'admin.audit.back': 'Back to the audit log',
  'admin.audit.when': 'When',
  'admin.audit.who': 'Who',
  'admin.audit.what': 'What',
  'admin.audit.target': 'On',
  'admin.audit.actor.system': 'Waypost itself',
  'admin.audit.actor.cli': 'A command on the server',
  'admin.audit.removedAccount': 'an account no longer held',
  'admin.audit.removedCase': 'a case no longer held',
  'admin.audit.filter.title': 'Find entries',
  'admin.audit.filter.user': 'User',
  'admin.audit.filter.userHint': 'What they did, and what was done to their account.',
  'admin.audit.filter.case': 'Case reference',
  'admin.audit.filter.caseHint': 'The whole reference, such as WP-2026-0042.',
  'admin.audit.filter.action': 'Action',
  'admin.audit.filter.from': 'From (day, UTC)',
  'admin.audit.filter.to': 'To (day, UTC, included)',
  'admin.audit.filter.dateHint': 'As 2026-12-31.',
  'admin.audit.filter.any': 'Any',
  'admin.audit.filter.apply': 'Show entries',
  'admin.audit.filter.reset': 'Show every entry',
  'admin.audit.filter.none': 'No entry matches these filters.',
  'admin.audit.filter.badUser': 'Choose a user from the list.',
  'admin.audit.filter.badReference':
    'A case reference has letters, digits and dashes only, such as WP-2026-0042.',
  'admin.audit.filter.unknownReference': 'No case has this reference.',
  'admin.audit.filter.badAction': 'Choose an action from the list.',
  'admin.audit.filter.badDate': 'Enter a day as 2026-12-31.',
  'admin.audit.filter.toBeforeFrom': 'The last day is before the first day.',
  'admin.audit.newest': 'Newest entries',
  'admin.audit.checkpoint.title': 'Latest signed checkpoint',
  'admin.audit.checkpoint.hint':
    'Copy it somewhere the database and this server cannot reach (a password manager, a printed page). One is written every hour. With a copy, this command proves that nothing written before it was removed or rewritten:',
  'admin.audit.checkpoint.none': 'No checkpoint has been written yet.',
  'admin.audit.checkpoint.write': 'Write a checkpoint now',
  'admin.audit.older': 'Older entries',
} as const;

export const en = {
  ...core,
  ...casesEn,
  ...inputEn,
  ...reviewEn,
  ...caseListEn,
  ...summaryEn,
  ...twoFactorEn,
  ...referenceDataEn,
  ...attachmentsEn,
  ...conflictsEn,
  ...decisionsEn,
} as const;
export type MessageKey = keyof typeof en;
