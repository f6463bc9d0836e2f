// The sections that say what was checked and decided: the verification performed, the flags with the
// supervisor's decision on each, the referral (approved pathway and what it still needs), and the annex of
// every document.
import type { Severity } from '../../rules/assessment';
import { checklistLabel, flagTitle } from '../../rules/titles';
import { formatDay } from '../i18n/dates';
import type { Approval } from './record';
import { helpers } from './sections-case';
import type { Block, Context, Item, Section } from './shape';

export function reviewSections(ctx: Context): Section[] {
  return [verification(ctx), flags(ctx), referral(ctx), annex(ctx)];
}

/** "Consistent: 3, anomalies: 1": how many of each value, in the order first met. */
function tally<K extends string>(values: readonly K[], label: (k: K) => string): string {
  const counts = new Map<K, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${label(k)}: ${n}`).join('; ');
}

function verification(ctx: Context): Section {
  const { t, file, rules } = ctx;
  const { l, date } = helpers(ctx);
  const v = file.verification;
  const docs = file.documents;
  const none = t('summary.none');
  const blocks: Block[] = [
    { kind: 'heading', text: t('summary.documentsChecked') },
    {
      kind: 'facts',
      rows: [
        {
          label: t('summary.documentsSeen'),
          value: docs.length
            ? tally(
                docs.map((d) => d.seen),
                (k) => l.documentSeen[k],
              )
            : none,
        },
        {
          label: t('case.field.documents.authenticity'),
          value: docs.length
            ? tally(
                docs.map((d) => d.authenticity),
                (k) => l.documentAuthenticities[k],
              )
            : none,
        },
      ],
    },
    { kind: 'text', text: t('summary.seeAnnex') },
    { kind: 'heading', text: t('case.list.interviews.title') },
  ];
  if (v.interviews.length === 0) blocks.push({ kind: 'text', text: none });
  else {
    const minutes = v.interviews.reduce((sum, i) => sum + i.minutes, 0);
    blocks.push(
      {
        kind: 'table',
        columns: [
          t('case.field.interviews.on'),
          t('case.field.interviews.language'),
          t('case.field.interviews.minutes'),
        ],
        widths: [0.4, 0.3, 0.3],
        rows: v.interviews.map((i) => [date(i.on), i.language, String(i.minutes)]),
      },
      { kind: 'text', text: t('summary.interviewTotal', { count: v.interviews.length, minutes }) },
    );
  }
  blocks.push({ kind: 'heading', text: t('case.list.knowledgeChecks.title') });
  if (v.knowledgeChecks.length === 0) blocks.push({ kind: 'text', text: none });
  else if (rules.knowledgeTopics) {
    blocks.push({
      kind: 'table',
      columns: [t('case.field.knowledgeChecks.topic'), t('case.field.knowledgeChecks.result')],
      widths: [0.7, 0.3],
      rows: v.knowledgeChecks.map((k) => [k.topic, l.knowledgeCheckResults[k.result]]),
    });
  } else {
    blocks.push({
      kind: 'text',
      text: `${tally(
        v.knowledgeChecks.map((k) => k.result),
        (k) => l.knowledgeCheckResults[k],
      )}. ${t('summary.topicsWithheld')}`,
    });
  }
  blocks.push(...crossChecks(ctx), ...screeningAndChecklist(ctx));
  return { id: 'verification', title: t('summary.section.verification'), blocks };
}

/** The unit cross-check, social media, open sources and the cases that vouch for him. */
function crossChecks(ctx: Context): Block[] {
  const { t, file, rules } = ctx;
  const { l } = helpers(ctx);
  const v = file.verification;
  const none = t('summary.none');
  const vouched = v.vouchedBy ?? [];
  return [
    { kind: 'heading', text: t('summary.crossChecks') },
    {
      kind: 'facts',
      rows: [
        {
          label: t('case.field.verification.unitCrossCheck'),
          value: l.unitCrossCheckResults[v.unitCrossCheck],
        },
        { label: t('case.field.verification.socialMedia'), value: l.socialMediaResults[v.socialMedia] },
        {
          label: t('case.list.openSource.title'),
          value: v.openSource.length
            ? v.openSource
                .map((o) => `${l.openSourceSources[o.source]}: ${l.openSourceResults[o.result]}`)
                .join('; ')
            : none,
        },
        {
          label: t('case.field.verification.vouchedBy'),
          value:
            vouched.length === 0
              ? none
              : rules.vouchedBy
                ? vouched.join(', ')
                : t('summary.vouchedCount', { count: vouched.length }),
        },
      ],
    },
  ];
}

/** What the screening found, then the verification checklist as the rules left it. */
function screeningAndChecklist(ctx: Context): Block[] {
  const { t, file, rules, assessment } = ctx;
  const { l, yesNo } = helpers(ctx);
  const none = t('summary.none');
  return [
    { kind: 'heading', text: t('case.form.screening.title') },
    {
      kind: 'facts',
      rows: [
        { label: t('case.field.screening.witnessedAbuses'), value: yesNo(file.screening.witnessedAbuses) },
        {
          label: t('case.field.screening.admitsParticipation'),
          value: yesNo(file.screening.admitsParticipation),
        },
        {
          label: t('case.field.screening.securityIndicators'),
          value: file.screening.securityIndicators.map((s) => l.securityIndicators[s]).join(', ') || none,
        },
      ],
    },
    { kind: 'heading', text: t('summary.checklist') },
    {
      kind: 'table',
      columns: [t('summary.checkItem'), t('summary.checkStatus'), t('summary.checkDetail')],
      widths: [0.42, 0.14, 0.44],
      // Outside the organisation an item's detail is shown only once done: until then it tells the caseworker
      // what to do next.
      rows: assessment.checklist.map((c) => [
        c.label,
        l.checklistStatuses[c.status],
        rules.consulateFacing && c.status !== 'done' ? '—' : c.detail,
      ]),
    },
  ];
}

const severityOrder: Severity[] = ['critical', 'high', 'warning', 'info'];

function flags(ctx: Context): Section {
  const { t, assessment, record, rules } = ctx;
  const { l, source } = helpers(ctx);
  const title = t('summary.section.flags');
  const sorted = [...assessment.flags].sort(
    (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity),
  );
  if (sorted.length === 0)
    return { id: 'flags', title, blocks: [{ kind: 'text', text: t('summary.noFlags') }] };
  const items: Item[] = sorted.map((flag) => {
    const decision = record.decisions.get(flag.id);
    // A flag's message is written to the caseworker (what to check, what to do next): readers outside the
    // organisation get the finding's title, the supervisor's decision and the public source.
    const lines = rules.consulateFacing ? [] : [flag.message];
    if (decision) {
      const who = {
        name: decision.by ?? t('summary.unknownPerson'),
        date: formatDay(decision.at, ctx.locale),
      };
      const said = t(decision.outcome === 'cleared' ? 'summary.flagCleared' : 'summary.flagUpheld', who);
      lines.push(decision.reason ? `${said}: ${decision.reason}` : said);
    } else if (flag.cleared) lines.push(t('summary.flagClearedUnrecorded'));
    else if (record.carried.has(flag.id)) lines.push(t('summary.flagCarried'));
    // Only high and critical flags wait for a supervisor; the others inform.
    else if (flag.severity === 'high' || flag.severity === 'critical') lines.push(t('summary.flagOpen'));
    const cited = source(flag.source);
    if (cited) lines.push(`${t('summary.source')}: ${cited}`);
    return {
      title: `${l.severities[flag.severity]} · ${flagTitle(flag.id, ctx.locale)}`,
      tone: flag.cleared || decision?.outcome === 'cleared' ? 'ok' : flag.severity,
      lines,
    };
  });
  return {
    id: 'flags',
    title,
    blocks: [
      { kind: 'text', text: t('summary.riskLevel', { level: l.riskLevels[assessment.riskLevel] }) },
      { kind: 'items', items },
    ],
  };
}

/** The applications he has filed, as a table under its heading; nothing when there are none. */
function applicationBlocks(ctx: Context): Block[] {
  const { t } = ctx;
  const { l, country, date } = helpers(ctx);
  const applications = ctx.file.destinations.flatMap((d) =>
    (d.applications ?? []).map((a) => [
      country(d.country),
      a.type,
      date(a.filedOn),
      l.applicationStatuses[a.status],
    ]),
  );
  if (applications.length === 0) return [];
  return [
    { kind: 'heading', text: t('case.list.applications.title') },
    {
      kind: 'table',
      columns: [
        t('case.field.applications.destination'),
        t('case.field.applications.type'),
        t('case.field.applications.filedOn'),
        t('case.field.applications.status'),
      ],
      widths: [0.3, 0.3, 0.2, 0.2],
      rows: applications,
    },
  ];
}

/** The approving supervisor's name, role and date above a line to sign on, under the letterhead's role. */
function signature(ctx: Context, approval: Approval): Block {
  const { t, organisation } = ctx;
  return {
    kind: 'signature',
    rows: [
      { label: t('summary.signature.name'), value: approval.by },
      { label: t('summary.signature.role'), value: organisation.signatoryRole || t('role.supervisor') },
      { label: t('summary.signature.date'), value: formatDay(approval.at, ctx.locale) },
    ],
    line: t('summary.signature.line'),
  };
}

function referral(ctx: Context): Section {
  const { t, assessment, record, rules } = ctx;
  const { l, country } = helpers(ctx);
  const approval = record.approval;
  const place = (d: { country: string; pathway: keyof typeof l.pathways }) =>
    `${country(d.country)} · ${l.pathways[d.pathway]}`;
  const still = (missing: readonly string[]) =>
    missing.length
      ? missing.map((id) => checklistLabel(id, ctx.locale)).join('; ')
      : t('summary.nothingMissing');
  const blocks: Block[] = [];
  if (approval) {
    const verdict = assessment.destinations.find(
      (d) => d.country === approval.country && d.pathway === approval.pathway,
    );
    blocks.push({
      kind: 'facts',
      rows: [
        { label: t('summary.approvedPathway'), value: place(approval) },
        { label: t('summary.approvedByLabel'), value: approval.by },
        { label: t('summary.approvedOn'), value: formatDay(approval.at, ctx.locale) },
        ...(approval.reason ? [{ label: t('summary.approvalReason'), value: approval.reason }] : []),
        ...(verdict
          ? [
              { label: t('summary.verdict'), value: l.verdicts[verdict.status] },
              { label: t('summary.stillNeeded'), value: still(verdict.missing) },
            ]
          : []),
      ],
    });
    if (!rules.consulateFacing)
      for (const note of verdict?.notes ?? []) blocks.push({ kind: 'text', text: note });
  } else {
    const r = assessment.recommendation;
    blocks.push(
      { kind: 'text', text: t('summary.notApprovedYet') },
      {
        kind: 'facts',
        rows: [
          {
            label: t('summary.recommended'),
            value: r.pathway ? `${l.actions[r.action]}: ${place(r.pathway)}` : l.actions[r.action],
          },
          ...(r.then.length
            ? [{ label: t('summary.laterSteps'), value: r.then.map((a) => l.actions[a]).join(' → ') }]
            : []),
        ],
      },
    );
  }
  if (assessment.destinations.length) {
    blocks.push(
      { kind: 'heading', text: t('summary.destinationsAssessed') },
      {
        kind: 'table',
        columns: [t('summary.destination'), t('summary.verdict'), t('summary.stillNeeded')],
        widths: [0.36, 0.2, 0.44],
        rows: assessment.destinations.map((d) => [place(d), l.verdicts[d.status], still(d.missing)]),
      },
    );
  }
  blocks.push(...applicationBlocks(ctx));
  if (approval) blocks.push(signature(ctx, approval));
  return { id: 'referral', title: t('summary.section.referral'), blocks };
}

function annex(ctx: Context): Section {
  const { t, file, rules } = ctx;
  const { l, date } = helpers(ctx);
  const title = t('summary.section.annex');
  if (file.documents.length === 0)
    return { id: 'annex', title, blocks: [{ kind: 'text', text: t('summary.noDocuments') }] };
  const columns = [
    '#',
    t('case.field.documents.type'),
    t('case.field.documents.seen'),
    t('case.field.documents.validity'),
    t('case.field.documents.expiresOn'),
    t('case.field.documents.authenticity'),
    t('att.summary.scans'),
  ];
  // The number is secret like his name: shown where names are (full, partner), never in `minimal`.
  if (rules.names) columns.push(t('case.field.documents.number'));
  if (rules.documentNotes) columns.push(t('case.field.documents.note'));
  const widths = [
    [0.05, 0.3, 0.16, 0.14, 0.13, 0.14, 0.08],
    [0.05, 0.22, 0.14, 0.12, 0.11, 0.12, 0.07, 0.17],
    [0.05, 0.18, 0.11, 0.1, 0.1, 0.1, 0.07, 0.13, 0.16],
  ][columns.length - 7]!;
  return {
    id: 'annex',
    title,
    newPage: true,
    blocks: [
      {
        kind: 'table',
        columns,
        widths,
        rows: file.documents.map((d, i) => [
          String(i + 1),
          l.documentTypes[d.type],
          l.documentSeen[d.seen],
          l.documentValidities[d.validity],
          d.expiresOn ? date(d.expiresOn) : '—',
          l.documentAuthenticities[d.authenticity],
          String(ctx.documentScans.get(i) ?? 0),
          ...(rules.names ? [d.number ?? '—'] : []),
          ...(rules.documentNotes ? [d.note ?? '—'] : []),
        ]),
      },
    ],
  };
}
