// Every form of a case: the scalar forms (one object each) and the list forms (one item of a list each),
// with the section each saves under, how it reads its value from the case and writes it back.
import { z } from 'zod';
import * as s from '../../../rules/case-schema';
import { dateChecks } from '../../../rules/date-checks';
import { countryName, type Locale } from '../../../rules/i18n';
import { labels } from '../../../rules/labels';
import { maxOf } from '../../../rules/limits';
import type { CaseParts, Section } from '../parts';
import type { Field, FormSpec } from './engine';

const text = (name: string, required = false): Field => ({ name, kind: 'text', required });
const date = (name: string, required = false): Field => ({ name, kind: 'date', required });
const select = (
  name: string,
  options: readonly string[],
  labelSet: Field['labels'],
  required = true,
): Field => ({
  name,
  kind: 'select',
  options,
  labels: labelSet,
  required,
});
const yesNo = (name: string, required = false): Field => ({ name, kind: 'boolean', required });

export interface ScalarForm {
  spec: FormSpec;
  section: Section;
  read(parts: CaseParts): Record<string, unknown> | undefined;
  write(parts: CaseParts, value: Record<string, unknown>): Partial<CaseParts>;
}

export interface ListForm {
  spec: FormSpec;
  section: Section;
  /** The most entries the case format allows (rules/case-schema.ts), counted among `sameList` entries. */
  maxEntries: number;
  /** Entries that count towards the same limit (applications: those of the same destination). */
  sameList?: (a: Record<string, unknown>, b: Record<string, unknown>) => boolean;
  read(parts: CaseParts): Record<string, unknown>[];
  write(parts: CaseParts, items: Record<string, unknown>[]): Partial<CaseParts>;
}

const personFields = s.personSchema.omit({ dependants: true });
export const scalarForms = {
  person: {
    section: 'person',
    spec: {
      id: 'person',
      schema: personFields,
      dates: dateChecks.person,
      fields: [
        { ...text('pseudonym', true), hint: true },
        text('fullName'),
        text('fullNameNative'),
        date('dateOfBirth'),
        { name: 'citizenships', kind: 'countries', required: true },
        yesNo('familyAtRisk'),
      ],
    },
    read: (p) => p.person,
    // The dependants list has its own forms; keep it as it is.
    write: (p, v) => ({ person: { ...(v as s.Person), dependants: p.person.dependants } }),
  },
  service: {
    section: 'service',
    spec: {
      id: 'service',
      schema: s.serviceSchema,
      dates: dateChecks.service,
      fields: [
        select('serviceType', s.serviceTypes, 'serviceTypes'),
        select('branch', s.branches, 'branches'),
        { ...text('unit'), hint: true, suggestUnits: true },
        { ...text('unitNumber'), inputmode: 'numeric', hint: true },
        text('rank'),
        select('role', s.roles, 'roles'),
        date('enlistedOn'),
        yesNo('coerced'),
      ],
    },
    read: (p) => p.service,
    write: (_p, v) => ({ service: v as s.Service }),
  },
  desertion: {
    section: 'desertion',
    spec: {
      id: 'desertion',
      schema: s.desertionSchema,
      dates: dateChecks.desertion,
      fields: [
        select('kind', s.desertionKinds, 'desertionKinds'),
        date('leftOn'),
        select('manner', s.desertionManners, 'desertionManners'),
        { name: 'statement', kind: 'textarea', hint: true },
      ],
    },
    read: (p) => p.desertion,
    write: (_p, v) => ({ desertion: v as s.Desertion }),
  },
  persecution: {
    section: 'desertion',
    spec: {
      id: 'persecution',
      schema: s.persecutionSchema.omit({ criminalCases: true }),
      fields: [select('wantedList', s.wantedLists, 'wantedLists'), yesNo('familyPressure')],
    },
    read: (p) => p.persecution,
    write: (_p, v) => ({ persecution: v as CaseParts['persecution'] }),
  },
  currentStay: {
    section: 'route',
    spec: {
      id: 'currentStay',
      schema: s.currentStaySchema,
      dates: dateChecks.currentStay,
      fields: [
        { name: 'country', kind: 'country', required: true },
        date('since', true),
        select('basis', s.stayBases, 'stayBases'),
        date('stayEndsOn'),
        { name: 'incidents', kind: 'checkboxes', options: s.stayIncidents, labels: 'stayIncidents' },
      ],
    },
    read: (p) => p.currentStay,
    write: (_p, v) => ({ currentStay: v as s.CurrentStay }),
  },
  verification: {
    section: 'verification',
    spec: {
      id: 'verification',
      schema: s.verificationSchema.omit({ interviews: true, knowledgeChecks: true, openSource: true }),
      fields: [
        select('unitCrossCheck', s.unitCrossCheckResults, 'unitCrossCheckResults'),
        select('socialMedia', s.socialMediaResults, 'socialMediaResults'),
        { name: 'vouchedBy', kind: 'references', hint: true },
      ],
    },
    read: (p) => p.verification,
    write: (_p, v) => ({ verification: v as CaseParts['verification'] }),
  },
  screening: {
    section: 'screening',
    spec: {
      id: 'screening',
      schema: s.screeningSchema,
      fields: [
        yesNo('witnessedAbuses', true),
        yesNo('admitsParticipation', true),
        {
          name: 'securityIndicators',
          kind: 'checkboxes',
          options: s.securityIndicators,
          labels: 'securityIndicators',
        },
      ],
    },
    read: (p) => p.screening,
    write: (_p, v) => ({ screening: v as s.Screening }),
  },
} satisfies Record<string, ScalarForm>;
export type ScalarFormId = keyof typeof scalarForms;

const destinationLabel = (index: string, parts: CaseParts, locale: Locale) => {
  const d = parts.destinations[Number(index)];
  return d ? `${countryName(d.country, locale)} · ${labels[locale].pathways[d.pathway]}` : index;
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
  read: (p: CaseParts) => p[part] as unknown as Record<string, unknown>[],
  write: (_p: CaseParts, items: Record<string, unknown>[]) => ({ [part]: items }) as Partial<CaseParts>,
});

export const listForms = {
  dependants: {
    maxEntries: most(s.personSchema.shape.dependants),
    section: 'person',
    spec: {
      id: 'dependants',
      schema: s.dependantSchema,
      fields: [
        text('relation', true),
        { name: 'age', kind: 'number', required: true, inputmode: 'numeric' },
        yesNo('withPerson', true),
      ],
    },
    read: (p) => p.person.dependants ?? [],
    write: (p, items) => ({
      person: { ...p.person, dependants: items.length > 0 ? (items as unknown as s.Dependant[]) : undefined },
    }),
  },
  documents: {
    maxEntries: most(s.caseFileSchema.shape.documents),
    section: 'documents',
    spec: {
      id: 'documents',
      schema: s.documentSchema,
      fields: [
        select('type', s.documentTypes, 'documentTypes'),
        select('seen', s.documentSeenValues, 'documentSeen'),
        select('validity', s.documentValidities, 'documentValidities'),
        select('authenticity', s.documentAuthenticities, 'documentAuthenticities'),
        date('expiresOn'),
        { ...text('number'), secret: true },
        { name: 'note', kind: 'textarea' },
      ],
    },
    ...partList('documents'),
  },
  deployments: {
    maxEntries: most(s.caseFileSchema.shape.deployments),
    section: 'service',
    spec: {
      id: 'deployments',
      schema: s.deploymentSchema,
      dates: dateChecks.deployment,
      fields: [
        date('from', true),
        { ...date('to'), hint: true },
        select('region', s.regions, 'regions'),
        text('place'),
        select('role', s.roles, 'roles', false),
        select('endedBy', s.deploymentEndings, 'deploymentEndings'),
      ],
    },
    ...partList('deployments'),
  },
  criminalCases: {
    maxEntries: most(s.persecutionSchema.shape.criminalCases),
    section: 'desertion',
    spec: {
      id: 'criminalCases',
      schema: s.criminalCaseSchema,
      dates: dateChecks.criminalCase,
      fields: [
        select('article', s.criminalArticles, 'criminalArticles'),
        text('part'),
        date('openedOn'),
        select('stage', s.criminalCaseStages, 'criminalCaseStages'),
        { ...yesNo('evidenceSeen', true), hint: true },
      ],
    },
    ...partList('criminalCases'),
  },
  route: {
    maxEntries: most(s.caseFileSchema.shape.route),
    section: 'route',
    spec: {
      id: 'route',
      schema: s.routeLegSchema,
      dates: dateChecks.routeLeg,
      fields: [
        date('date', true),
        { name: 'from', kind: 'country', required: true },
        { name: 'to', kind: 'country', required: true },
        select('mode', s.routeModes, 'routeModes'),
        select('documentUsed', s.routeDocuments, 'routeDocuments'),
        select('incident', s.routeIncidents, 'routeIncidents'),
      ],
    },
    ...partList('route'),
  },
  destinations: {
    maxEntries: most(s.caseFileSchema.shape.destinations),
    section: 'destinations',
    spec: {
      id: 'destinations',
      schema: s.destinationSchema.omit({ applications: true }),
      fields: [
        { name: 'country', kind: 'country', required: true },
        select('pathway', s.pathways, 'pathways'),
        yesNo('employerOffer'),
      ],
    },
    read: (p) => p.destinations,
    // Applications belong to their destination and have their own forms: keep them with it.
    write: (p, items) => ({
      destinations: items.map((item, i) => {
        const kept = p.destinations[i]?.applications;
        return { ...(item as s.Destination), ...(kept ? { applications: kept } : {}) };
      }),
    }),
  },
  applications: {
    maxEntries: most(s.destinationSchema.shape.applications),
    sameList: (a, b) => a.destination === b.destination,
    section: 'destinations',
    spec: {
      id: 'applications',
      schema: s.applicationSchema.extend({ destination: z.string() }),
      dates: dateChecks.application,
      fields: [
        {
          name: 'destination',
          kind: 'select',
          required: true,
          options: (p) => p.destinations.map((_, i) => String(i)),
          optionLabel: destinationLabel,
        },
        text('type', true),
        date('filedOn', true),
        select('status', s.applicationStatuses, 'applicationStatuses'),
      ],
    },
    read: (p) =>
      p.destinations.flatMap((d, i) => (d.applications ?? []).map((a) => ({ ...a, destination: String(i) }))),
    write: (p, items) => ({
      destinations: p.destinations.map((d, i) => {
        const { applications: _, ...rest } = d;
        const mine = items
          .filter((a) => a.destination === String(i))
          .map(({ destination: _d, ...a }) => a as unknown as s.Application);
        return mine.length > 0 ? { ...rest, applications: mine } : rest;
      }),
    }),
  },
  interviews: {
    maxEntries: most(s.verificationSchema.shape.interviews),
    section: 'verification',
    spec: {
      id: 'interviews',
      schema: s.interviewSchema,
      dates: dateChecks.interview,
      fields: [
        date('on', true),
        { ...text('language', true), hint: true },
        { name: 'minutes', kind: 'number', required: true, inputmode: 'numeric' },
      ],
    },
    ...partList('interviews'),
  },
  knowledgeChecks: {
    maxEntries: most(s.verificationSchema.shape.knowledgeChecks),
    section: 'verification',
    spec: {
      id: 'knowledgeChecks',
      schema: s.knowledgeCheckSchema,
      fields: [
        { ...text('topic', true), hint: true },
        select('result', s.knowledgeCheckResults, 'knowledgeCheckResults'),
      ],
    },
    ...partList('knowledgeChecks'),
  },
  openSource: {
    maxEntries: most(s.verificationSchema.shape.openSource),
    section: 'verification',
    spec: {
      id: 'openSource',
      schema: s.openSourceCheckSchema,
      fields: [
        select('source', s.openSourceSources, 'openSourceSources'),
        select('result', s.openSourceResults, 'openSourceResults'),
      ],
    },
    ...partList('openSource'),
  },
} satisfies Record<string, ListForm>;
export type ListFormId = keyof typeof listForms;
/** Every list, in the order a case is entered (a destination comes before its applications). */
export const listFormIds = Object.keys(listForms) as ListFormId[];

export const isScalarForm = (id: string): id is ScalarFormId => Object.hasOwn(scalarForms, id);
export const isListForm = (id: string): id is ListFormId => Object.hasOwn(listForms, id);
