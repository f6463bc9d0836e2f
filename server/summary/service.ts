// From a case the user may see to its summary: completeness, today's assessment in the language chosen for the
// summary, the review record, the organisation's letterhead, then the model. Also the group's cover index and
// the audit entries. It takes only what it reads (the case repository, the database for the letterhead and
// the audit log, the clock, the default organisation name), not the whole app.
import type { Db } from '../../db/client';
import type { Locale } from '../../rules/i18n';
import { appendAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { RequiredPart } from '../cases/parts';
import type { CaseRepository, CaseRow, LoadedCase } from '../cases/repository';
import { type Translate, translator } from '../i18n';
import { formatTime } from '../i18n/dates';
import { buildSummary } from './model';
import { readOrganisation } from './organisation';
import type { Profile } from './profiles';
import { reviewRecord } from './record';
import type { Cover, Summary } from './shape';

export interface SummaryDeps {
  cases: CaseRepository;
  db: Db;
  clock: () => Date;
  /** ORG_NAME: the letterhead's name until an admin sets one. */
  orgName: string;
}

/** Who asks, and in which language the summary is to be written (chosen at export, not the interface's). */
interface Reader {
  user: SessionUser;
  locale: Locale;
}

type Summarised =
  | { ok: true; summary: Summary; row: CaseRow; documents: readonly { id: string; type: string }[] }
  | { ok: false; reason: 'incomplete'; row: CaseRow; missing: RequiredPart[] };

/** The summary of a case the reader may see (the caller loaded it through the repository, which checked). */
export async function summaryOf(
  deps: SummaryDeps,
  loaded: LoadedCase,
  profile: Profile,
  { user, locale }: Reader,
): Promise<Summarised> {
  const { row } = loaded;
  const now = deps.clock();
  const assessed = deps.cases.assess(loaded, locale);
  if (!assessed.ok) return { ok: false, reason: 'incomplete', row, missing: assessed.missing };
  const t = translator(locale);
  const summary = buildSummary({
    file: assessed.file,
    reference: row.reference,
    assessment: assessed.assessment,
    record: await reviewRecord(deps.cases, row.id, row.status),
    profile,
    locale,
    t,
    organisation: await readOrganisation(deps.db, deps.orgName),
    generatedBy: { name: user.displayName, role: t(`role.${user.role}`) },
    now,
    documentScans: loaded.ruleInputs.documentScans,
  });
  return { ok: true, summary, row, documents: loaded.parts.documents ?? [] };
}

/** One audit entry per case: ids and codes only. */
export async function auditExport(
  deps: SummaryDeps,
  user: SessionUser,
  caseIds: readonly string[],
  detail: { profile: Profile; format: 'pdf' | 'html'; language: Locale; scans?: number },
): Promise<void> {
  const at = deps.clock();
  const group = caseIds.length > 1 ? { group: [...caseIds] } : {};
  await deps.db.transaction(async (tx) => {
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
  deps: SummaryDeps,
  summaries: readonly Summary[],
  profile: Profile,
  reader: Reader,
): Cover {
  const { user } = reader;
  const t: Translate = translator(reader.locale);
  const profileLabel = t(`summary.profile.${profile}`);
  const title = t('summary.group.coverTitle');
  const letterhead = summaries[0]?.letterhead ?? { name: deps.orgName, lines: [] };
  return {
    title,
    letterhead,
    facts: [
      { label: t('summary.org'), value: letterhead.name },
      { label: t('summary.generatedOn'), value: formatTime(deps.clock(), reader.locale) },
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
      head: `${letterhead.name} · ${title}`,
      reference: '',
      profile: t('summary.profileMark', { profile: profileLabel }),
      draft: null,
      approval: null,
      page: t('summary.pageOf'),
    },
  };
}
