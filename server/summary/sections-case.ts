// The sections that tell the person's story: identity, service, deployments, desertion, persecution, and the
// route to where he is now with the danger he is in there. Each leaves out what the profile withholds.
import type { CriminalCase } from '../../rules/case-schema';
import { penaltyFor } from '../../rules/data/criminal-code';
import { hostCountries } from '../../rules/data/host-countries';
import { countryName } from '../../rules/i18n';
import { type LabelSet, labels } from '../../rules/labels';
import { citationText } from '../../rules/sources';
import { profileDate } from './redact';
import type { Block, Context, Fact, Section } from './shape';

/** Small formatting helpers every section uses, in the reader's language. */
export function helpers(ctx: Context) {
  const { t, locale, rules } = ctx;
  const l: LabelSet = labels[locale];
  return {
    l,
    date: (d: string | undefined) => (d ? profileDate(d, rules, locale) : t('summary.notRecorded')),
    yesNo: (b: boolean | undefined) =>
      b === undefined ? t('summary.notRecorded') : b ? t('summary.yes') : t('summary.no'),
    country: (code: string) => countryName(code, locale),
    text: (s: string | undefined) => s ?? t('summary.notRecorded'),
    /** A rule's source as this profile may cite it; null when it may cite none of it. */
    source: (s: string | undefined) => (s ? citable(s, rules.consulateFacing) : null),
  };
}

const URL_IN_TEXT = /https?:\/\/[^\s;,()<>"]+[^\s;,()<>".]/g;

/**
 * Internal readers see a source as the reference data wrote it; readers outside the organisation only its
 * public web addresses: file names, seed numbers and working notes mean nothing to a consulate and tell it
 * how the organisation works.
 */
function citable(source: string, publicOnly: boolean): string | null {
  if (!publicOnly) return source;
  const urls = [...new Set(source.match(URL_IN_TEXT) ?? [])];
  return urls.length ? urls.join(' ') : null;
}

export function caseSections(ctx: Context): Section[] {
  return [identity(ctx), service(ctx), deployments(ctx), desertion(ctx), persecution(ctx), situation(ctx)];
}

function identity(ctx: Context): Section {
  const { t, file, rules } = ctx;
  const h = helpers(ctx);
  const p = file.person;
  const rows: Fact[] = [{ label: t('case.field.person.pseudonym'), value: p.pseudonym }];
  if (rules.names) {
    rows.push(
      { label: t('case.field.person.fullName'), value: h.text(p.fullName) },
      { label: t('case.field.person.fullNameNative'), value: h.text(p.fullNameNative) },
      { label: t('case.field.person.dateOfBirth'), value: h.date(p.dateOfBirth) },
    );
  }
  rows.push(
    { label: t('case.field.person.citizenships'), value: p.citizenships.map(h.country).join(', ') },
    { label: t('case.field.person.familyAtRisk'), value: h.yesNo(p.familyAtRisk) },
  );
  const blocks: Block[] = [{ kind: 'facts', rows }];
  if (!rules.names) blocks.push({ kind: 'text', text: t('summary.identityWithheld') });
  if (rules.dependants && p.dependants?.length) {
    blocks.push(
      { kind: 'heading', text: t('case.list.dependants.title') },
      {
        kind: 'table',
        columns: [
          t('case.field.dependants.relation'),
          t('case.field.dependants.age'),
          t('case.field.dependants.withPerson'),
        ],
        widths: [0.5, 0.2, 0.3],
        rows: p.dependants.map((d) => [d.relation, String(d.age), h.yesNo(d.withPerson)]),
      },
    );
  }
  return { id: 'identity', title: t('summary.section.identity'), blocks };
}

function service(ctx: Context): Section {
  const { t, file, rules } = ctx;
  const { l, date, yesNo, text } = helpers(ctx);
  const s = file.service;
  const rows: Fact[] = [
    { label: t('case.field.service.serviceType'), value: l.serviceTypes[s.serviceType] },
    { label: t('case.field.service.branch'), value: l.branches[s.branch] },
  ];
  if (rules.unit) {
    rows.push(
      { label: t('case.field.service.unit'), value: text(s.unit) },
      { label: t('case.field.service.unitNumber'), value: text(s.unitNumber) },
    );
  }
  rows.push(
    { label: t('case.field.service.rank'), value: text(s.rank) },
    { label: t('case.field.service.role'), value: l.roles[s.role] },
    { label: t('case.field.service.enlistedOn'), value: date(s.enlistedOn) },
    { label: t('case.field.service.coerced'), value: yesNo(s.coerced) },
  );
  const blocks: Block[] = [{ kind: 'facts', rows }];
  if (!rules.unit) blocks.push({ kind: 'text', text: t('summary.unitWithheld') });
  return { id: 'service', title: t('summary.section.service'), blocks };
}

function deployments(ctx: Context): Section {
  const { t, file, rules } = ctx;
  const { l, date } = helpers(ctx);
  const title = t('summary.section.deployments');
  if (file.deployments.length === 0)
    return { id: 'deployments', title, blocks: [{ kind: 'text', text: t('summary.neverDeployed') }] };
  const sorted = [...file.deployments].sort((a, b) => a.from.localeCompare(b.from));
  const where = (d: (typeof sorted)[number]) =>
    rules.places && d.place ? `${l.regions[d.region]}, ${d.place}` : l.regions[d.region];
  return {
    id: 'deployments',
    title,
    blocks: [
      {
        kind: 'table',
        columns: [
          t('case.field.deployments.from'),
          t('case.field.deployments.to'),
          rules.places ? t('summary.where') : t('case.field.deployments.region'),
          t('case.field.deployments.role'),
          t('case.field.deployments.endedBy'),
        ],
        widths: [0.15, 0.15, 0.3, 0.2, 0.2],
        rows: sorted.map((d) => [
          date(d.from),
          d.to ? date(d.to) : l.deploymentEndings.ongoing,
          where(d),
          l.roles[d.role ?? file.service.role],
          l.deploymentEndings[d.endedBy],
        ]),
      },
      { kind: 'text', text: t('summary.deploymentCount', { count: sorted.length }) },
    ],
  };
}

function desertion(ctx: Context): Section {
  const { t, file, rules } = ctx;
  const { l, date } = helpers(ctx);
  const d = file.desertion;
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        { label: t('case.field.desertion.kind'), value: l.desertionKinds[d.kind] },
        { label: t('case.field.desertion.leftOn'), value: date(d.leftOn) },
        { label: t('case.field.desertion.manner'), value: l.desertionManners[d.manner] },
      ],
    },
  ];
  if (rules.statement && d.statement) {
    blocks.push(
      { kind: 'heading', text: t('case.field.desertion.statement') },
      { kind: 'text', text: d.statement, quote: true },
    );
  } else if (d.statement) {
    blocks.push({ kind: 'text', text: t('summary.statementWithheld') });
  }
  return { id: 'desertion', title: t('summary.section.desertion'), blocks };
}

/** "Art. 337 (unauthorised absence), part 5" and its wartime maximum from the reference data. */
function articleText(c: CriminalCase, ctx: Context): { article: string; penalty: string } {
  const { l } = helpers(ctx);
  const article = `${l.criminalArticles[c.article]}${c.part ? `, ${ctx.t('summary.part', { part: c.part })}` : ''}`;
  if (c.article === 'other') return { article, penalty: ctx.t('summary.notRecorded') };
  return {
    article,
    penalty: penaltyFor(c.article, ctx.file.service.serviceType, {
      leftOn: ctx.file.desertion.leftOn,
      openedOn: c.openedOn,
    }).penalty[ctx.locale],
  };
}

function persecution(ctx: Context): Section {
  const { t, file } = ctx;
  const { l, date, yesNo } = helpers(ctx);
  const p = file.persecution;
  const blocks: Block[] = [];
  if (p.criminalCases.length === 0) blocks.push({ kind: 'text', text: t('summary.noCriminalCase') });
  else {
    blocks.push({
      kind: 'table',
      columns: [
        t('case.field.criminalCases.article'),
        t('summary.maxPenalty'),
        t('case.field.criminalCases.openedOn'),
        t('case.field.criminalCases.stage'),
        t('case.field.criminalCases.evidenceSeen'),
      ],
      widths: [0.3, 0.28, 0.14, 0.16, 0.12],
      rows: p.criminalCases.map((c) => {
        const a = articleText(c, ctx);
        return [a.article, a.penalty, date(c.openedOn), l.criminalCaseStages[c.stage], yesNo(c.evidenceSeen)];
      }),
    });
  }
  blocks.push({
    kind: 'facts',
    rows: [
      { label: t('case.field.persecution.wantedList'), value: l.wantedLists[p.wantedList] },
      { label: t('case.field.persecution.familyPressure'), value: yesNo(p.familyPressure) },
    ],
  });
  return { id: 'persecution', title: t('summary.section.persecution'), blocks };
}

/**
 * How long he may stay, on his own basis: the host country's visa-free limit applies only to a visa-free stay;
 * a residence permit, a pending claim or a work permit lasts until the date recorded for it.
 */
function stayLimit(ctx: Context, visaFreeLimit: string | undefined): string {
  const { t, file } = ctx;
  const { date } = helpers(ctx);
  const stay = file.currentStay;
  const until = stay.stayEndsOn ? t('summary.stayUntil', { date: date(stay.stayEndsOn) }) : null;
  switch (stay.basis) {
    case 'visa_free':
      return (
        [visaFreeLimit ? t('summary.visaFreeLimit', { limit: visaFreeLimit }) : null, until]
          .filter(Boolean)
          .join('; ') || t('summary.notRecorded')
      );
    case 'none':
      return t('summary.noLegalStay');
    default:
      return until ?? t('summary.noEndRecorded');
  }
}

function situation(ctx: Context): Section {
  const { t, file, locale } = ctx;
  const { l, date, country } = helpers(ctx);
  const stay = file.currentStay;
  const blocks: Block[] = [{ kind: 'heading', text: t('case.list.route.title') }];
  if (file.route.length === 0) blocks.push({ kind: 'text', text: t('summary.noRoute') });
  else {
    blocks.push({
      kind: 'table',
      columns: [
        t('case.field.route.date'),
        t('case.field.route.from'),
        t('case.field.route.to'),
        t('case.field.route.mode'),
        t('case.field.route.documentUsed'),
        t('case.field.route.incident'),
      ],
      widths: [0.13, 0.17, 0.17, 0.13, 0.22, 0.18],
      rows: file.route.map((r) => [
        date(r.date),
        country(r.from),
        country(r.to),
        l.routeModes[r.mode],
        l.routeDocuments[r.documentUsed],
        l.routeIncidents[r.incident],
      ]),
    });
  }
  const incidents = stay.incidents.map((i) => l.stayIncidents[i]);
  const host = hostCountries[stay.country];
  blocks.push(
    { kind: 'heading', text: t('case.form.currentStay.title') },
    {
      kind: 'facts',
      rows: [
        { label: t('case.field.currentStay.country'), value: country(stay.country) },
        { label: t('case.field.currentStay.since'), value: date(stay.since) },
        { label: t('case.field.currentStay.basis'), value: l.stayBases[stay.basis] },
        { label: t('summary.stayLimit'), value: stayLimit(ctx, host?.stayLimit[locale]) },
        {
          label: t('case.field.currentStay.incidents'),
          value: incidents.length ? incidents.join(', ') : t('summary.none'),
        },
      ],
    },
  );
  blocks.push({ kind: 'heading', text: t('summary.hostDanger') });
  if (host) {
    const source = helpers(ctx).source(citationText(host.source, locale));
    blocks.push({
      kind: 'facts',
      rows: [
        { label: t('summary.dangerLevel'), value: l.riskLevels[host.danger] },
        { label: t('summary.why'), value: host.why[locale] },
        ...(source ? [{ label: t('summary.source'), value: source }] : []),
      ],
    });
  } else blocks.push({ kind: 'text', text: t('summary.hostUnknown') });
  return { id: 'situation', title: t('summary.section.situation'), blocks };
}
