// From a case id to a summary the user may have: access, completeness, today's assessment in the reader's
// language, the review record, then the model. Also the group's cover index and the audit entries.

import type { FastifyInstance } from 'fastify';
import { evaluate } from '../../rules/evaluate';
import type { Locale } from '../../rules/i18n';
import { documentScans } from '../attachments/scans';
import { appendAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import { canSeeCase } from '../cases/access';
import { assemble } from '../cases/parts';
import { type CaseRow, loadCase, todayOf } from '../cases/store';
import type { Translate } from '../i18n';
import { buildSummary, isoMinute, type Summary } from './model';
import type { Cover } from './pdf';
import type { Profile } from './profiles';
import { reviewRecord } from './record';

export interface Reader {
  user: SessionUser;
  locale: Locale;
  t: Translate;
}

export type Loaded =
  | { ok: true; summary: Summary; row: CaseRow }
  | { ok: false; reason: 'not_found' | 'incomplete' };

export async function loadSummary(
  app: FastifyInstance,
  caseId: string,
  profile: Profile,
  { user, locale, t }: Reader,
): Promise<Loaded> {
  const loaded = await loadCase(app.db, app.keyRing, caseId);
  // A case this user may not see answers exactly as one that does not exist.
  if (!loaded || !canSeeCase(user, loaded.row)) return { ok: false, reason: 'not_found' };
  const { row } = loaded;
  const assembled = assemble(loaded.parts, row.reference);
  if (!assembled.ok) return { ok: false, reason: 'incomplete' };
  const now = app.clock();
  const summary = buildSummary({
    file: assembled.file,
    reference: row.reference,
    assessment: evaluate(assembled.file, todayOf(now), {
      locale,
      documentScans: await documentScans(app.db, row.id, loaded.parts.documents ?? []),
    }),
    record: await reviewRecord(app.db, app.keyRing, row.id, row.status),
    profile,
    locale,
    t,
    orgName: app.config.orgName,
    generatedBy: { name: user.displayName, role: t(`role.${user.role}`) },
    now,
  });
  return { ok: true, summary, row };
}

/** One audit entry per case: ids and codes only. */
export async function auditExport(
  app: FastifyInstance,
  user: SessionUser,
  caseIds: readonly string[],
  detail: { profile: Profile; format: 'pdf' | 'html' },
): Promise<void> {
  const at = app.clock();
  const group = caseIds.length > 1 ? { group: [...caseIds] } : {};
  await app.db.transaction(async (tx) => {
    for (const targetId of caseIds) {
      await appendAudit(tx, {
        actorId: user.id,
        action: 'case.summary_exported',
        targetType: 'case',
        targetId,
        detail: { ...detail, ...group },
        at,
      });
    }
  });
}

/** The group's cover index: what each case is, where he is now, and the pathway approved for him. */
export function coverFor(
  app: FastifyInstance,
  summaries: readonly Summary[],
  profile: Profile,
  reader: Reader,
): Cover {
  const { t, user } = reader;
  const profileLabel = t(`summary.profile.${profile}`);
  const title = t('summary.group.coverTitle');
  return {
    title,
    orgName: app.config.orgName,
    facts: [
      { label: t('summary.org'), value: app.config.orgName },
      { label: t('summary.generatedOn'), value: isoMinute(app.clock()) },
      { label: t('summary.generatedBy'), value: `${user.displayName} (${t(`role.${user.role}`)})` },
      { label: t('summary.profile'), value: profileLabel },
    ],
    intro: t('summary.group.count', { count: summaries.length }),
    heading: t('summary.group.cover'),
    columns: [
      t('summary.reference'),
      t('case.field.person.pseudonym'),
      t('summary.group.service'),
      t('summary.group.host'),
      t('summary.group.pathway'),
      t('summary.group.startPage'),
    ],
    widths: [0.15, 0.14, 0.25, 0.16, 0.22, 0.08],
    rows: summaries.map((s) => [
      s.reference,
      s.pseudonym,
      s.index.service,
      s.index.host,
      s.index.pathway,
      '',
    ]),
    marks: {
      head: `${app.config.orgName} · ${title}`,
      reference: '',
      profile: t('summary.profileMark', { profile: profileLabel }),
      draft: null,
      approval: null,
      page: t('summary.pageOf'),
    },
  };
}
