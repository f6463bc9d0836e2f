// Every form of a case: the scalar forms (one object each) and the list forms (one item of a list each),
// with the section each saves under, how it reads its value from the case and writes it back.
import { z } from 'zod';
import * as s from '../../../rules/case-schema';
import { dateChecks } from '../../../rules/date-checks';
import { countryName, type Locale } from '../../../rules/i18n';
import { labels } from '../../../rules/labels';
import { maxOf } from '../../../rules/limits';
import type { CaseParts, DestinationEntry, Listed, Section } from '../parts';
import { type Field, type FormSpec, formSpec } from './engine';

// Each keeps the field's name as a literal type, so formSpec can check its label key (engine.ts).
type Named<N extends string> = Field & { name: N };
const text = <const N extends string>(name: N, required = false): Named<N> => ({
  name,
  kind: 'text',
  required,
});
const date = <const N extends string>(name: N, required = false): Named<N> => ({
  name,
  kind: 'date',
  required,
});
const select = <const N extends string>(
  name: N,
  options: readonly string[],
  labelSet: Field['labels'],
  required = true,
): Named<N> => ({
  name,
  kind: 'select',
  options,
  labels: labelSet,
  required,
});
const yesNo = <const N extends string>(name: N, required = false): Named<N> => ({
  name,
  kind: 'boolean',
  required,
});

export interface ScalarForm {
  spec: FormSpec;
  section: Section;
  read(parts: CaseParts): Record<string, unknown> | undefined;
  write(parts: CaseParts, value: Record<string, unknown>): Partial<CaseParts>;
}

/** One entry of a list form: its fields' values and the id it is stored under. */
export type EntryValue = Listed<Record<string, unknown>>;

export interface ListForm {
  spec: FormSpec;
  section: Section;
  /** The entries in order; an application names its destination by the destination's id. */
  read(parts: CaseParts): EntryValue[];
  write(parts: CaseParts, entries: EntryValue[]): Partial<CaseParts>;
  /** Entries are ordered among those of the same group (an application among its destination's). */
  group?: (entry: EntryValue) => unknown;
  /** The most entries the case format allows (rules/case-schema.ts), counted among `sameList` entries. */
  maxEntries: number;
  /** Entries that count towards the same limit (applications: those of the same destination). */
  sameList?: (a: Record<string, unknown>, b: Record<string, unknown>) => boolean;
}

const personFields = s.personSchema.omit({ dependants: true });
export const scalarForms = {
  person: {
    section: 'person',
    spec: formSpec(
      'person',
      personFields,
      [
        { ...text('pseudonym', true), hint: true },
        text('fullName'),
        text('fullNameNative'),
        date('dateOfBirth'),
        { name: 'citizenships', kind: 'countries', required: true },
        yesNo('familyAtRisk'),
      ],
      dateChecks.person,
    ),
    read: (p) => p.person,
    // The dependants list has its own forms; keep it as it is.
    write: (p, v) => ({ person: { ...(v as s.Person), dependants: p.person.dependants } }),
  },
  service: {
    section: 'service',
    spec: formSpec(
      'service',
      s.serviceSchema,
      [
        select('serviceType', s.serviceTypes, 'serviceTypes'),
        select('branch', s.branches, 'branches'),
        { ...text('unit'), hint: true, suggestUnits: true },
        { ...text('unitNumber'), inputmode: 'numeric', hint: true },
        text('rank'),
        select('role', s.roles, 'roles'),
        date('enlistedOn'),
        yesNo('coerced'),
      ],
      dateChecks.service,
    ),
    read: (p) => p.service,
    write: (_p, v) => ({ service: v as s.Service }),
  },
  desertion: {
    section: 'desertion',
    spec: formSpec(
      'desertion',
      s.desertionSchema,
      [
        select('kind', s.desertionKinds, 'desertionKinds'),
        date('leftOn'),
        select('manner', s.desertionManners, 'desertionManners'),
        { name: 'statement', kind: 'textarea', hint: true },
      ],
      dateChecks.desertion,
    ),
    read: (p) => p.desertion,
    write: (_p, v) => ({ desertion: v as s.Desertion }),
  },
  persecution: {
    section: 'desertion',
    spec: formSpec('persecution', s.persecutionSchema.omit({ criminalCases: true }), [
      select('wantedList', s.wantedLists, 'wantedLists'),
      yesNo('familyPressure'),
    ]),
    read: (p) => p.persecution,
    write: (_p, v) => ({ persecution: v as CaseParts['persecution'] }),
  },
  currentStay: {
    section: 'route',
    spec: formSpec(
      'currentStay',
      s.currentStaySchema,
      [
        { name: 'country', kind: 'country', required: true },
        date('since', true),
        select('basis', s.stayBases, 'stayBases'),
        date('stayEndsOn'),
        { name: 'incidents', kind: 'checkboxes', options: s.stayIncidents, labels: 'stayIncidents' },
      ],
      dateChecks.currentStay,
    ),
    read: (p) => p.currentStay,
    write: (_p, v) => ({ currentStay: v as s.CurrentStay }),
  },
  verification: {
    section: 'verification',
    spec: formSpec(
      'verification',
      s.verificationSchema.omit({ interviews: true, knowledgeChecks: true, openSource: true }),
      [
        select('unitCrossCheck', s.unitCrossCheckResults, 'unitCrossCheckResults'),
        select('socialMedia', s.socialMediaResults, 'socialMediaResults'),
        { name: 'vouchedBy', kind: 'references', hint: true },
      ],
    ),
    read: (p) => p.verification,
    write: (_p, v) => ({ verification: v as CaseParts['verification'] }),
  },
  screening: {
    section: 'screening',
    spec: formSpec('screening', s.screeningSchema, [
      yesNo('witnessedAbuses', true),
      yesNo('admitsParticipation', true),
      {
        name: 'securityIndicators',
        kind: 'checkboxes',
        options: s.securityIndicators,
        labels: 'securityIndicators',
      },
    ]),
    read: (p) => p.screening,
    write: (_p, v) => ({ screening: v as s.Screening }),
  },
} satisfies Record<string, ScalarForm>;
export type ScalarFormId = keyof typeof scalarForms;

const destinationLabel = (id: string, parts: CaseParts, locale: Locale) => {
  const d = parts.destinations.find((x) => x.id === id);
  return d ? `${countryName(d.country, locale)} · ${labels[locale].pathways[d.pathway]}` : id;
};

/** The limit of a list of the case format; every list has one (rules/case-schema.ts). */
function most(schema: z.ZodType): number {
  const max = maxOf(schema);
  if (max === undefined) throw new Error('a list of the case format has no limit');
  return max;
}

/** Whether adding `added` would take the list past the case format's limit. */
export function listFull(
  list: ListForm,
  items: Record<string, unknown>[],
  added: Record<string, unknown>,
): boolean {
  const counted = list.sameList ? items.filter((item) => list.sameList?.(item, added)) : items;
  return counted.length >= list.maxEntries;
}

/** A list stored as a part of its own. */
const partList = <P extends keyof CaseParts>(part: P) => ({
  read: (p: CaseParts) => p[part] as unknown as EntryValue[],
  write: (_p: CaseParts, entries: EntryValue[]) => ({ [part]: entries }) as Partial<CaseParts>,
});

export const listForms = {
  dependants: {
    maxEntries: most(s.personSchema.shape.dependants),
    section: 'person',
    spec: formSpec('dependants', s.dependantSchema, [
      text('relation', true),
      { name: 'age', kind: 'number', required: true, inputmode: 'numeric' },
      yesNo('withPerson', true),
    ]),
    read: (p) => p.person.dependants ?? [],
    write: (p, entries) => ({
      person: {
        ...p.person,
        dependants: entries.length > 0 ? (entries as unknown as Listed<s.Dependant>[]) : undefined,
      },
    }),
  },
  documents: {
    maxEntries: most(s.caseFileSchema.shape.documents),
    section: 'documents',
    spec: formSpec('documents', s.documentSchema, [
      select('type', s.documentTypes, 'documentTypes'),
      select('seen', s.documentSeenValues, 'documentSeen'),
      select('validity', s.documentValidities, 'documentValidities'),
      select('authenticity', s.documentAuthenticities, 'documentAuthenticities'),
      date('expiresOn'),
      { ...text('number'), secret: true },
      { name: 'note', kind: 'textarea' },
    ]),
    ...partList('documents'),
  },
  deployments: {
    maxEntries: most(s.caseFileSchema.shape.deployments),
    section: 'service',
    spec: formSpec(
      'deployments',
      s.deploymentSchema,
      [
        date('from', true),
        { ...date('to'), hint: true },
        select('region', s.regions, 'regions'),
        text('place'),
        select('role', s.roles, 'roles', false),
        select('endedBy', s.deploymentEndings, 'deploymentEndings'),
      ],
      dateChecks.deployment,
    ),
    ...partList('deployments'),
  },
  criminalCases: {
    maxEntries: most(s.persecutionSchema.shape.criminalCases),
    section: 'desertion',
    spec: formSpec(
      'criminalCases',
      s.criminalCaseSchema,
      [
        select('article', s.criminalArticles, 'criminalArticles'),
        text('part'),
        date('openedOn'),
        select('stage', s.criminalCaseStages, 'criminalCaseStages'),
        { ...yesNo('evidenceSeen', true), hint: true },
      ],
      dateChecks.criminalCase,
    ),
    ...partList('criminalCases'),
  },
  route: {
    maxEntries: most(s.caseFileSchema.shape.route),
    section: 'route',
    spec: formSpec(
      'route',
      s.routeLegSchema,
      [
        date('date', true),
        { name: 'from', kind: 'country', required: true },
        { name: 'to', kind: 'country', required: true },
        select('mode', s.routeModes, 'routeModes'),
        select('documentUsed', s.routeDocuments, 'routeDocuments'),
        select('incident', s.routeIncidents, 'routeIncidents'),
      ],
      dateChecks.routeLeg,
    ),
    ...partList('route'),
  },
  destinations: {
    maxEntries: most(s.caseFileSchema.shape.destinations),
    section: 'destinations',
    spec: formSpec('destinations', s.destinationSchema.omit({ applications: true }), [
      { name: 'country', kind: 'country', required: true },
      select('pathway', s.pathways, 'pathways'),
      yesNo('employerOffer'),
    ]),
    read: (p) => p.destinations.map(({ applications: _, ...d }) => d),
    // Applications belong to their destination and have their own forms: keep them with it.
    write: (p, entries) => ({
      destinations: entries.map((entry) => {
        const kept = p.destinations.find((d) => d.id === entry.id)?.applications;
        return { ...(entry as DestinationEntry), ...(kept ? { applications: kept } : {}) };
      }),
    }),
  },
  applications: {
    maxEntries: most(s.destinationSchema.shape.applications),
    sameList: (a, b) => a.destination === b.destination,
    section: 'destinations',
    spec: formSpec(
      'applications',
      s.applicationSchema.extend({ destination: z.string() }),
      [
        {
          name: 'destination',
          kind: 'select',
          required: true,
          options: (p: CaseParts) => p.destinations.map((d) => d.id),
          optionLabel: destinationLabel,
        },
        text('type', true),
        date('filedOn', true),
        select('status', s.applicationStatuses, 'applicationStatuses'),
      ],
      dateChecks.application,
    ),
    read: (p) =>
      p.destinations.flatMap((d) => (d.applications ?? []).map((a) => ({ ...a, destination: d.id }))),
    group: (entry) => entry.destination,
    write: (p, entries) => ({
      destinations: p.destinations.map((d) => {
        const { applications: _, ...rest } = d;
        const mine = entries
          .filter((a) => a.destination === d.id)
          .map(({ destination: _d, ...a }) => a as unknown as Listed<s.Application>);
        return mine.length > 0 ? { ...rest, applications: mine } : rest;
      }),
    }),
  },
  interviews: {
    maxEntries: most(s.verificationSchema.shape.interviews),
    section: 'verification',
    spec: formSpec(
      'interviews',
      s.interviewSchema,
      [
        date('on', true),
        { ...text('language', true), hint: true },
        { name: 'minutes', kind: 'number', required: true, inputmode: 'numeric' },
      ],
      dateChecks.interview,
    ),
    ...partList('interviews'),
  },
  knowledgeChecks: {
    maxEntries: most(s.verificationSchema.shape.knowledgeChecks),
    section: 'verification',
    spec: formSpec('knowledgeChecks', s.knowledgeCheckSchema, [
      { ...text('topic', true), hint: true },
      select('result', s.knowledgeCheckResults, 'knowledgeCheckResults'),
    ]),
    ...partList('knowledgeChecks'),
  },
  openSource: {
    maxEntries: most(s.verificationSchema.shape.openSource),
    section: 'verification',
    spec: formSpec('openSource', s.openSourceCheckSchema, [
      select('source', s.openSourceSources, 'openSourceSources'),
      select('result', s.openSourceResults, 'openSourceResults'),
    ]),
    ...partList('openSource'),
  },
} satisfies Record<string, ListForm>;
export type ListFormId = keyof typeof listForms;
/** Every list, in the order a case is entered (a destination comes before its applications). */
export const listFormIds = Object.keys(listForms) as ListFormId[];

export const isScalarForm = (id: string): id is ScalarFormId => Object.hasOwn(scalarForms, id);
export const isListForm = (id: string): id is ListFormId => Object.hasOwn(listForms, id);
