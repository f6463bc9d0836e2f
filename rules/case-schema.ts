/**
 * The case file, format `waypost-case/1` (../shared/case-format.md): the single source of every case type.
 * Forms, import, export and the rules all derive from this schema. Unknown fields are rejected everywhere
 * (`z.strictObject`); a field marked `?` in the contract is `.optional()` here, every other field is required.
 * Enumerations are exported as const arrays (for form options and labels) and as zod enums.
 */
import { z } from 'zod';
import { countryCodes } from './data/countries';
import { DATE_RANGE_MESSAGE, EARLIEST_DATE, LATEST_DATE } from './date-input';
import { isIsoDate } from './dates';
import { flagIds } from './ids';
import { type TextRules, textProblem, textProblemMessages } from './text';

// --- Enumerations -------------------------------------------------------------------------------------------

export const documentTypes = [
  'internal_passport',
  'international_passport',
  'military_id',
  'officer_id',
  'service_contract',
  'call_up_summons',
  'combat_order',
  'criminal_case_file',
  'wanted_notice',
  'no_criminal_record_certificate',
  'service_certificate',
  'medical_record',
  'discharge_papers',
  'travel_document',
  'residence_permit',
  'visa',
  'other',
] as const;
export const documentSeenValues = ['original', 'copy', 'none'] as const;
export const documentValidities = ['valid', 'expired', 'confiscated', 'lost', 'unknown'] as const;
export const documentAuthenticities = ['unchecked', 'consistent', 'anomalies', 'forged'] as const;

export const serviceTypes = [
  'conscript',
  'contract',
  'mobilised',
  'volunteer',
  'cadet',
  'career_officer',
  'pmc',
  'prison_recruit',
] as const;
export const branches = [
  'ground_forces',
  'airborne',
  'naval_infantry',
  'navy',
  'aerospace',
  'special_forces',
  'rosgvardia',
  'fsb',
  'pmc',
  'other',
] as const;
export const roles = [
  'communications',
  'radio_technician',
  'logistics',
  'driver',
  'cook',
  'medic',
  'clerk',
  'instructor',
  'maintenance',
  'training_ground_staff',
  'air_defence',
  'artillery',
  'engineer',
  'tank_crew',
  'motor_rifle',
  'drone_operator',
  'reconnaissance',
  'sniper',
  'military_police',
  'special_forces',
  'assault',
  'other',
] as const;

export const regions = [
  'kyiv',
  'chernihiv',
  'sumy',
  'kharkiv',
  'donetsk',
  'luhansk',
  'zaporizhzhia',
  'kherson',
  'mykolaiv',
  'crimea',
  'russia_border',
  'syria',
  'other',
] as const;
export const deploymentEndings = ['rotation', 'leave', 'injury', 'desertion', 'ongoing', 'other'] as const;

export const desertionKinds = ['deserter', 'refuser', 'evader'] as const;
export const desertionManners = [
  'awol_from_base',
  'failed_to_return_from_leave',
  'escaped_during_deployment',
  'refused_combat_order',
  'self_inflicted_injury',
  'left_hospital',
  'fled_call_up',
  'other',
] as const;

export const criminalArticles = ['337', '338', '332', '339', '352.1', '328', '275', 'other'] as const;
export const criminalCaseStages = [
  'opened',
  'wanted',
  'charged',
  'sentenced_in_absentia',
  'unknown',
] as const;
export const wantedLists = ['none', 'unknown', 'domestic', 'interstate', 'interpol'] as const;

export const routeModes = ['land', 'air', 'sea', 'on_foot', 'other'] as const;
export const routeDocuments = [
  'internal_passport',
  'international_passport',
  'travel_document',
  'none',
  'other',
] as const;
export const routeIncidents = [
  'none',
  'stopped_at_border',
  'removed_from_flight',
  'detained',
  'turned_back',
] as const;

export const stayBases = [
  'visa_free',
  'temporary_residence',
  'permanent_residence',
  'asylum_pending',
  'refugee_status',
  'work_permit',
  'none',
] as const;
export const stayIncidents = [
  'detention',
  'deportation_order',
  'extradition_request',
  'abduction_attempt',
  'police_contact',
  'surveillance',
] as const;

export const pathways = [
  'asylum_visa',
  'humanitarian_visa',
  'work_visa',
  'study_visa',
  'family_reunification',
  'resettlement',
  'asylum_in_country',
] as const;
export const applicationStatuses = ['pending', 'granted', 'denied'] as const;

export const knowledgeCheckResults = ['consistent', 'inconsistent', 'unverifiable'] as const;
export const unitCrossCheckResults = ['not_done', 'consistent', 'inconsistent', 'unverifiable'] as const;
export const socialMediaResults = [
  'not_done',
  'nothing_found',
  'pro_war_content',
  'deleted_accounts',
  'contradicts_story',
] as const;
export const openSourceSources = [
  'court_records',
  'wanted_lists',
  'media',
  'leaked_databases',
  'other',
] as const;
export const openSourceResults = ['confirms', 'contradicts', 'nothing_found'] as const;
export const securityIndicators = [
  'inconsistent_story',
  'unexplained_travel',
  'security_service_contact',
  'pressure_on_others',
  'other',
] as const;

export const documentTypeSchema = z.enum(documentTypes);
export const documentSeenSchema = z.enum(documentSeenValues);
export const documentValiditySchema = z.enum(documentValidities);
export const documentAuthenticitySchema = z.enum(documentAuthenticities);
export const serviceTypeSchema = z.enum(serviceTypes);
export const branchSchema = z.enum(branches);
export const roleSchema = z.enum(roles);
export const regionSchema = z.enum(regions);
export const deploymentEndingSchema = z.enum(deploymentEndings);
export const desertionKindSchema = z.enum(desertionKinds);
export const desertionMannerSchema = z.enum(desertionManners);
export const criminalArticleSchema = z.enum(criminalArticles);
export const criminalCaseStageSchema = z.enum(criminalCaseStages);
export const wantedListSchema = z.enum(wantedLists);
export const routeModeSchema = z.enum(routeModes);
export const routeDocumentSchema = z.enum(routeDocuments);
export const routeIncidentSchema = z.enum(routeIncidents);
export const stayBasisSchema = z.enum(stayBases);
export const stayIncidentSchema = z.enum(stayIncidents);
export const pathwaySchema = z.enum(pathways);
export const applicationStatusSchema = z.enum(applicationStatuses);
export const knowledgeCheckResultSchema = z.enum(knowledgeCheckResults);
export const unitCrossCheckResultSchema = z.enum(unitCrossCheckResults);
export const socialMediaResultSchema = z.enum(socialMediaResults);
export const openSourceSourceSchema = z.enum(openSourceSources);
export const openSourceResultSchema = z.enum(openSourceResults);
export const securityIndicatorSchema = z.enum(securityIndicators);

export type DocumentType = z.infer<typeof documentTypeSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Region = z.infer<typeof regionSchema>;
export type ServiceType = z.infer<typeof serviceTypeSchema>;
export type CriminalArticle = z.infer<typeof criminalArticleSchema>;
export type Pathway = z.infer<typeof pathwaySchema>;
export type StayIncident = z.infer<typeof stayIncidentSchema>;

// --- Field formats ------------------------------------------------------------------------------------------
// Each carries its own plain-English message; the generic ones (required, must be one of...) come from parse.ts.

const whenPresent = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'required' : message;

/** `YYYY-MM-DD`, a real calendar day, within the years a case can speak of (rules/date-input.ts). */
export const isoDateSchema = z
  .string({ error: whenPresent('invalid date') })
  .refine(isIsoDate, { error: 'invalid date', abort: true })
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, { error: DATE_RANGE_MESSAGE });

/** ISO 3166-1 alpha-2, checked against the full list of assigned codes. */
export const countrySchema = z.enum(countryCodes, {
  error: whenPresent('invalid country code (ISO 3166-1 alpha-2, e.g. KZ)'),
});

/** The message of a text over its limit; the form shows the limit (rules/limits.ts) and the import says it. */
const tooLong = (max: number) => `at most ${max} characters`;

/**
 * Free text of at most `max` characters, and only what rules/text.ts allows (no control or direction
 * characters, not only invisible ones). Every free-text field of the format is one of these: its limit is
 * stated once, here, and derived from the schema wherever it is shown (rules/limits.ts).
 */
export const freeText = (max: number, rules: TextRules = {}) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: tooLong(max) })
    .superRefine((value, ctx) => {
      const problem = textProblem(value, rules);
      if (problem) ctx.addIssue({ code: 'custom', input: value, message: textProblemMessages[problem] });
    })
    // Marked, so every free-text field can be found in the schema (rules/limits.ts `freeTextPaths`): each is
    // encrypted at rest, and a test proves it for every one, including any added later.
    .meta({ freeText: true });

/** A list of at most `max` entries, none listed twice (a set: citizenships, cleared flags...). */
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .superRefine((list, ctx) => {
      list.forEach((entry, i) => {
        if (list.indexOf(entry) !== i) ctx.addIssue({ code: 'custom', path: [i], message: 'listed twice' });
      });
    });

const caseReference = z.string().regex(/^WP-\d{4}-\d{4}$/, { error: 'must look like WP-2026-0042' });

// --- Sections -----------------------------------------------------------------------------------------------

export const dependantSchema = z.strictObject({
  relation: freeText(100),
  age: z.number().int({ error: 'must be a whole number' }).min(0).max(130),
  withPerson: z.boolean(),
});

export const personSchema = z.strictObject({
  pseudonym: freeText(80, { name: true }),
  fullName: freeText(200).optional(),
  fullNameNative: freeText(200).optional(),
  dateOfBirth: isoDateSchema.optional(),
  citizenships: uniqueList(countrySchema, 5).min(1, { error: 'at least one citizenship required' }),
  familyAtRisk: z.boolean().optional(),
  dependants: z.array(dependantSchema).max(20).optional(),
});

export const documentSchema = z.strictObject({
  type: documentTypeSchema,
  seen: documentSeenSchema,
  validity: documentValiditySchema,
  authenticity: documentAuthenticitySchema,
  expiresOn: isoDateSchema.optional(),
  /** The number as printed: secret like a name (encrypted, never in lists, logs, URLs or `minimal`). */
  number: freeText(60).optional(),
  note: freeText(2_000, { multiline: true }).optional(),
});

export const serviceSchema = z.strictObject({
  serviceType: serviceTypeSchema,
  branch: branchSchema,
  unit: freeText(200).optional(),
  unitNumber: z
    .string()
    .regex(/^\d+$/, { error: 'digits only' })
    .max(10, { error: tooLong(10) })
    .optional(),
  rank: freeText(100).optional(),
  role: roleSchema,
  enlistedOn: isoDateSchema.optional(),
  coerced: z.boolean().optional(),
});

/**
 * The contract shows `to` without `?`. Decision: `to` is required unless `endedBy` is `ongoing`, because an
 * ongoing deployment has no end yet; the rules treat an ongoing deployment as lasting until today.
 */
export const deploymentSchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    region: regionSchema,
    place: freeText(200).optional(),
    role: roleSchema.optional(),
    endedBy: deploymentEndingSchema,
  })
  .superRefine((deployment, ctx) => {
    if (deployment.to === undefined && deployment.endedBy !== 'ongoing') {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'required unless the deployment is ongoing' });
    }
  });

export const desertionSchema = z.strictObject({
  kind: desertionKindSchema,
  leftOn: isoDateSchema.optional(),
  manner: desertionMannerSchema,
  statement: freeText(10_000, { multiline: true }).optional(),
});

export const criminalCaseSchema = z.strictObject({
  article: criminalArticleSchema,
  part: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: 'part number like 5 or 2.1' })
    .max(10, { error: tooLong(10) })
    .optional(),
  openedOn: isoDateSchema.optional(),
  stage: criminalCaseStageSchema,
  evidenceSeen: z.boolean(),
});

export const persecutionSchema = z.strictObject({
  criminalCases: z.array(criminalCaseSchema).max(20),
  wantedList: wantedListSchema,
  familyPressure: z.boolean().optional(),
});

export const routeLegSchema = z.strictObject({
  date: isoDateSchema,
  from: countrySchema,
  to: countrySchema,
  mode: routeModeSchema,
  documentUsed: routeDocumentSchema,
  incident: routeIncidentSchema,
});

export const currentStaySchema = z.strictObject({
  country: countrySchema,
  since: isoDateSchema,
  basis: stayBasisSchema,
  stayEndsOn: isoDateSchema.optional(),
  incidents: uniqueList(stayIncidentSchema, stayIncidents.length),
});

export const applicationSchema = z.strictObject({
  type: freeText(200),
  filedOn: isoDateSchema,
  status: applicationStatusSchema,
});

export const destinationSchema = z.strictObject({
  country: countrySchema,
  pathway: pathwaySchema,
  employerOffer: z.boolean().optional(),
  applications: z.array(applicationSchema).max(20).optional(),
});

export const interviewSchema = z.strictObject({
  on: isoDateSchema,
  language: z.string().regex(/^[a-z]{2,3}$/, { error: 'language code like ru or en' }),
  minutes: z
    .number()
    .int({ error: 'must be a whole number' })
    .positive({ error: 'must be positive' })
    .max(24 * 60),
});

export const knowledgeCheckSchema = z.strictObject({
  topic: freeText(500),
  result: knowledgeCheckResultSchema,
});

export const openSourceCheckSchema = z.strictObject({
  source: openSourceSourceSchema,
  result: openSourceResultSchema,
});

export const verificationSchema = z.strictObject({
  interviews: z.array(interviewSchema).max(50),
  knowledgeChecks: z.array(knowledgeCheckSchema).max(50),
  unitCrossCheck: unitCrossCheckResultSchema,
  socialMedia: socialMediaResultSchema,
  openSource: z.array(openSourceCheckSchema).max(20),
  vouchedBy: uniqueList(caseReference, 20).optional(),
});

export const screeningSchema = z.strictObject({
  witnessedAbuses: z.boolean(),
  admitsParticipation: z.boolean(),
  securityIndicators: uniqueList(securityIndicatorSchema, securityIndicators.length),
});

/** Flag ids must be catalogue ids, so a typo cannot silently leave a flag uncleared. */
export const reviewSchema = z.strictObject({
  clearedFlags: uniqueList(z.enum(flagIds), flagIds.length),
});

export const caseFileSchema = z.strictObject({
  format: z.literal('waypost-case/1'),
  reference: caseReference.optional(),
  person: personSchema,
  documents: z.array(documentSchema).max(50),
  service: serviceSchema,
  deployments: z.array(deploymentSchema).max(50),
  desertion: desertionSchema,
  persecution: persecutionSchema,
  route: z.array(routeLegSchema).max(50),
  currentStay: currentStaySchema,
  destinations: z.array(destinationSchema).max(20),
  verification: verificationSchema,
  screening: screeningSchema,
  review: reviewSchema.optional(),
});

export type CaseFile = z.infer<typeof caseFileSchema>;
export type Person = z.infer<typeof personSchema>;
export type Dependant = z.infer<typeof dependantSchema>;
export type Document = z.infer<typeof documentSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Deployment = z.infer<typeof deploymentSchema>;
export type Desertion = z.infer<typeof desertionSchema>;
export type CriminalCase = z.infer<typeof criminalCaseSchema>;
export type Persecution = z.infer<typeof persecutionSchema>;
export type RouteLeg = z.infer<typeof routeLegSchema>;
export type CurrentStay = z.infer<typeof currentStaySchema>;
export type Destination = z.infer<typeof destinationSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type Interview = z.infer<typeof interviewSchema>;
export type KnowledgeCheck = z.infer<typeof knowledgeCheckSchema>;
export type OpenSourceCheck = z.infer<typeof openSourceCheckSchema>;
export type Screening = z.infer<typeof screeningSchema>;
export type Review = z.infer<typeof reviewSchema>;
