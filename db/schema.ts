// The one drizzle schema, for PGlite and PostgreSQL alike. Migrations in db/migrations are generated from it
// (`npm run db:generate`); hand-written SQL (the audit log's triggers) lives in its own custom migration.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const roles = ['caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];
export const locales = ['en', 'ru'] as const;
export type Locale = (typeof locales)[number];

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull().unique(), // stored lower-cased
  displayName: text('display_name').notNull(),
  // Null until the person sets a password through their invitation link.
  passwordHash: text('password_hash'),
  role: text('role', { enum: roles }).notNull(),
  locale: text('locale', { enum: locales }).notNull().default('en'),
  disabledAt: moment('disabled_at'),
  createdAt: moment('created_at').notNull().defaultNow(),
  updatedAt: moment('updated_at').notNull().defaultNow(),
  // Set by an admin's reset of the second factors: the next sign-in leads to enrolment whatever the policy.
  mustEnrol: boolean('must_enrol').notNull().default(false),
  // Failed sign-ins since the last successful one, told to the owner at their next sign-in.
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lastFailedSignInAt: moment('last_failed_sign_in_at'),
  lastSignInAt: moment('last_sign_in_at'),
});

export const authMethods = ['password', 'password+totp', 'password+passkey', 'password+recovery'] as const;
export type AuthMethod = (typeof authMethods)[number];
export const pendingSteps = ['second-factor', 'enrol'] as const;
export type PendingStep = (typeof pendingSteps)[number];
export interface SignInNotice {
  failed: number;
  lastFailedAt: string | null;
  /** For admins: accounts locked out by failed attempts since the admin last signed in. */
  lockedAccounts: number;
  /** Set when the sign-in used a recovery code: how many are left. */
  recoveryCodesLeft?: number;
}

// Lucia-style sessions: the cookie holds `id.secret`; only the SHA-256 of the secret is stored.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: moment('created_at').notNull(),
    lastActiveAt: moment('last_active_at').notNull(),
    expiresAt: moment('expires_at').notNull(),
    /** How the session was authenticated (server/auth/sessions.ts, authMethods). */
    authMethod: text('auth_method', { enum: authMethods }).notNull().default('password'),
    /** Set while the sign-in is unfinished: the second factor, or enrolment, is still owed. */
    pending: text('pending', { enum: pendingSteps }),
    stepUpAt: moment('step_up_at'),
    /** The browser's own description of itself, cut short, for the account page's session list. */
    device: text('device'),
    /** The WebAuthn challenge issued to this session, used once. */
    challenge: text('challenge'),
    /** Something to tell the user once signed in (failed attempts on the account). */
    notice: jsonb('notice').$type<SignInNotice>(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// Second factors. The TOTP secret is AES-GCM encrypted (server/crypto); `enabled_at` is null until the first
// code verified; `last_step` is the last accepted 30-second step, so a code is accepted once.
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEnc: text('secret_enc').notNull(),
  lastStep: bigint('last_step', { mode: 'number' }),
  enabledAt: moment('enabled_at'),
  createdAt: moment('created_at').notNull(),
});

// WebAuthn credentials: `id` and `public_key` base64url as the browser and @simplewebauthn give them.
export const passkeys = pgTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    createdAt: moment('created_at').notNull(),
    lastUsedAt: moment('last_used_at'),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

// Single-use recovery codes, stored as SHA-256 (each code holds 50 random bits and is throttled).
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: moment('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

// Whether a role must have a second factor, as an admin set it; a role without a row takes the default
// (required in production, optional elsewhere: server/config.ts).
export const secondFactorPolicy = pgTable('second_factor_policy', {
  role: text('role', { enum: roles }).primaryKey(),
  required: boolean('required').notNull(),
  updatedAt: moment('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

// One-time links: the first-run set-up link, invitations and password resets. Same token scheme as sessions.
export const tokenPurposes = ['setup', 'invite', 'reset'] as const;
export const oneTimeTokens = pgTable('one_time_tokens', {
  id: text('id').primaryKey(),
  secretHash: text('secret_hash').notNull(),
  purpose: text('purpose', { enum: tokenPurposes }).notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  createdAt: moment('created_at').notNull(),
  expiresAt: moment('expires_at').notNull(),
});

// Failed sign-ins, by hashed account key and by address, for throttling. Old rows are pruned as we go.
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    at: moment('at').notNull(),
  },
  (t) => [index('sign_in_failures_key_at_idx').on(t.key, t.at)],
);

// Append-only: the database refuses UPDATE, DELETE and TRUNCATE (see the custom migrations). A request
// inserts its row with no lock; the keyed chain over the rows lives in `audit_chain` (server/audit/).
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: moment('at').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);

// The chain, in its own order (`seq`, 1, 2, ...): each link is HMAC-SHA-256(audit key of `key_version`,
// previous link's mac, seq, the entry). Append-only like the log.
export const auditChain = pgTable('audit_chain', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  entryId: bigint('entry_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => auditLog.id),
  keyVersion: integer('key_version').notNull(),
  mac: text('mac').notNull(),
});

// Signed checkpoints (Ed25519 over seq, entry, mac and time), also written as files outside the database.
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: moment('at').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  entryId: bigint('entry_id', { mode: 'number' }),
  mac: text('mac').notNull(),
  keyVersion: integer('key_version').notNull(),
  signature: text('signature').notNull(),
});

// One value per encryption key version ever used, encrypted with it: the configured keys must open them all.
export const keyChecks = pgTable('key_checks', {
  version: integer('version').primaryKey(),
  value: text('value').notNull(),
  createdAt: moment('created_at').notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------------------
// Cases. The case file (rules/case-schema.ts) is stored in normalised tables, one per section and one per
// list. Columns named `*_enc` hold AES-256-GCM ciphertext (server/crypto): identifying facts are never stored
// in the clear. List rows keep their order in `position`.
// ---------------------------------------------------------------------------------------------------------

// `withdrawn`: created by mistake; kept and audited, but in no list, queue, count or search (workflow.ts).
export const caseStatuses = ['intake', 'verification', 'review', 'referred', 'closed', 'withdrawn'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

const day = (name: string) => date(name, { mode: 'string' });
const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' });

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    reference: text('reference').notNull().unique(),
    status: text('status', { enum: caseStatuses }).notNull().default('intake'),
    // The only name shown in lists: a pseudonym chosen so that it identifies no one.
    pseudonym: text('pseudonym').notNull(),
    assignedTo: uuid('assigned_to').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: moment('created_at').notNull(),
    updatedAt: moment('updated_at').notNull(),
    // From the latest assessment, for lists, filters and the review queue (null until the case is complete).
    action: text('action'),
    riskLevel: text('risk_level'),
    riskRank: integer('risk_rank').notNull().default(0),
    flagIds: text('flag_ids').array().notNull().default(sql`'{}'::text[]`),
    stayEndsOn: day('stay_ends_on'),
    // Bumped by every save and decision: a decision made from an outdated page is refused.
    version: integer('version').notNull().default(1),
    // In the review queue since (null when not in it), and the uncleared high or critical flags behind it.
    queuedAt: moment('queued_at'),
    queueFlags: text('queue_flags').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    // The case list (server/cases/list-query.ts): one index per way in (a caseworker's own cases, or a
    // status, risk or recommendation filter), in the list's order, with the other filters as trailing key
    // columns. A page is then read off the index in order and a filter that matches few or no cases is
    // checked inside the index, not by fetching every row of the leading value (measured at 100,000 cases:
    // 20 to 40 ms down to under 1 ms; bench/README.md).
    index('cases_caseload_idx').on(t.assignedTo, t.updatedAt, t.status, t.riskLevel, t.action),
    index('cases_caseload_stay_idx').on(
      t.assignedTo,
      t.stayEndsOn,
      t.updatedAt,
      t.status,
      t.riskLevel,
      t.action,
    ),
    index('cases_status_idx').on(t.status, t.updatedAt, t.riskLevel, t.action, t.assignedTo),
    index('cases_risk_level_idx').on(t.riskLevel, t.updatedAt, t.status, t.action, t.assignedTo),
    index('cases_action_idx').on(t.action, t.updatedAt, t.status, t.riskLevel, t.assignedTo),
    index('cases_updated_idx').on(t.updatedAt),
    index('cases_stay_idx').on(t.stayEndsOn),
    index('cases_risk_idx').on(t.riskRank, t.updatedAt),
    // The review queue's exact order (server/cases/queue.ts), over queued cases only: the first page is read
    // off the index instead of sorting every queued case.
    index('cases_queue_order_idx')
      .on(sql`(${t.riskRank} = 4) desc`, t.stayEndsOn.asc().nullsLast(), t.queuedAt.asc())
      .where(sql`${t.queuedAt} is not null`),
  ],
);

/** Each section's version, for optimistic locking: a save names the version it was edited from. */
export const caseSectionVersions = pgTable(
  'case_section_versions',
  {
    caseId: caseRef(),
    section: text('section').notNull(),
    version: integer('version').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.section] })],
);

export const casePerson = pgTable('case_person', {
  caseId: caseRef().primaryKey(),
  fullNameEnc: text('full_name_enc'),
  fullNameNativeEnc: text('full_name_native_enc'),
  dateOfBirthEnc: text('date_of_birth_enc'),
  citizenships: text('citizenships').array().notNull(),
  familyAtRisk: boolean('family_at_risk'),
  dependantsEnc: text('dependants_enc'), // JSON list, encrypted as one value
});

export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    seen: text('seen').notNull(),
    validity: text('validity').notNull(),
    authenticity: text('authenticity').notNull(),
    expiresOn: day('expires_on'),
    numberEnc: text('number_enc'),
    noteEnc: text('note_enc'),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId, t.position)],
);

export const caseService = pgTable('case_service', {
  caseId: caseRef().primaryKey(),
  serviceType: text('service_type').notNull(),
  branch: text('branch').notNull(),
  // The unit identifies a man to those who look for him: encrypted like names.
  unitEnc: text('unit_enc'),
  unitNumberEnc: text('unit_number_enc'),
  rankEnc: text('rank_enc'),
  role: text('role').notNull(),
  enlistedOn: day('enlisted_on'),
  coerced: boolean('coerced'),
});

export const caseDeployments = pgTable(
  'case_deployments',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    position: integer('position').notNull(),
    from: day('from_on').notNull(),
    to: day('to_on'),
    region: text('region').notNull(),
    placeEnc: text('place_enc'),
    role: text('role'),
    endedBy: text('ended_by').notNull(),
  },
  (t) => [index('case_deployments_case_idx').on(t.caseId, t.position)],
);

export const caseDesertion = pgTable('case_desertion', {
  caseId: caseRef().primaryKey(),
  kind: text('kind').notNull(),
  leftOn: day('left_on'),
  manner: text('manner').notNull(),
  statementEnc: text('statement_enc'),
});

export const casePersecution = pgTable('case_persecution', {
  caseId: caseRef().primaryKey(),
  wantedList: text('wanted_list').notNull(),
  familyPressure: boolean('family_pressure'),
});

export const caseCriminalCases = pgTable(
  'case_criminal_cases',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    position: integer('position').notNull(),
    article: text('article').notNull(),
    part: text('part'),
    openedOn: day('opened_on'),
    stage: text('stage').notNull(),
    evidenceSeen: boolean('evidence_seen').notNull(),
  },
  (t) => [index('case_criminal_cases_case_idx').on(t.caseId, t.position)],
);

export const caseRouteLegs = pgTable(
  'case_route_legs',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    position: integer('position').notNull(),
    date: day('leg_on').notNull(),
    from: text('from_country').notNull(),
    to: text('to_country').notNull(),
    mode: text('mode').notNull(),
    documentUsed: text('document_used').notNull(),
    incident: text('incident').notNull(),
  },
  (t) => [index('case_route_legs_case_idx').on(t.caseId, t.position)],
);

export const caseCurrentStay = pgTable('case_current_stay', {
  caseId: caseRef().primaryKey(),
  country: text('country').notNull(),
  since: day('since').notNull(),
  basis: text('basis').notNull(),
  stayEndsOn: day('stay_ends_on'),
  incidents: text('incidents').array().notNull(),
});

export const caseDestinations = pgTable(
  'case_destinations',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    position: integer('position').notNull(),
    country: text('country').notNull(),
    pathway: text('pathway').notNull(),
    employerOffer: boolean('employer_offer'),
  },
  (t) => [index('case_destinations_case_idx').on(t.caseId, t.position)],
);

export const caseApplications = pgTable(
  'case_applications',
  {
    id: uuid('id').primaryKey(),
    destinationId: uuid('destination_id')
      .notNull()
      .references(() => caseDestinations.id, { onDelete: 'cascade' }),
    caseId: caseRef(),
    position: integer('position').notNull(),
    /** Before migration 0021 the type was stored here in plaintext; start-up encrypts it into type_enc. */
    legacyType: text('type'),
    typeEnc: text('type_enc'),
    filedOn: day('filed_on').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    index('case_applications_destination_idx').on(t.destinationId, t.position),
    // A case is loaded by its id: without this, every case load scanned every application (measured: 12 ms
    // of a 12 ms case load at 100,000 cases).
    index('case_applications_case_idx').on(t.caseId, t.position),
  ],
);

export const caseVerification = pgTable('case_verification', {
  caseId: caseRef().primaryKey(),
  unitCrossCheck: text('unit_cross_check').notNull(),
  socialMedia: text('social_media').notNull(),
  vouchedBy: text('vouched_by').array(),
});

export const caseInterviews = pgTable(
  'case_interviews',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    position: integer('position').notNull(),
    on: day('held_on').notNull(),
    language: text('language').notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [index('case_interviews_case_idx').on(t.caseId, t.position)],
);

export const caseKnowledgeChecks = pgTable(
  'case_knowledge_checks',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    position: integer('position').notNull(),
    // A question only someone from that base could answer names the base: encrypted.
    topicEnc: text('topic_enc').notNull(),
    result: text('result').notNull(),
  },
  (t) => [index('case_knowledge_checks_case_idx').on(t.caseId, t.position)],
);

export const caseOpenSourceChecks = pgTable(
  'case_open_source_checks',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    position: integer('position').notNull(),
    source: text('source').notNull(),
    result: text('result').notNull(),
  },
  (t) => [index('case_open_source_checks_case_idx').on(t.caseId, t.position)],
);

export const caseScreening = pgTable('case_screening', {
  caseId: caseRef().primaryKey(),
  witnessedAbuses: boolean('witnessed_abuses').notNull(),
  admitsParticipation: boolean('admits_participation').notNull(),
  securityIndicators: text('security_indicators').array().notNull(),
});

/** Flags a supervisor cleared, with who, when and why; the case file's `review.clearedFlags` follows. */
export const caseClearedFlags = pgTable(
  'case_cleared_flags',
  {
    caseId: caseRef(),
    flagId: text('flag_id').notNull(),
    clearedBy: uuid('cleared_by').references(() => users.id),
    clearedAt: moment('cleared_at').notNull(),
    reasonEnc: text('reason_enc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.flagId] })],
);

/** Every assessment the rules gave, kept so one can see later what the tool said and why. */
export const caseAssessments = pgTable(
  'case_assessments',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    ruleset: text('ruleset').notNull(),
    evaluatedAt: moment('evaluated_at').notNull(),
    action: text('action').notNull(),
    riskLevel: text('risk_level').notNull(),
    // The whole assessment: its messages quote the case's facts, so it is encrypted like them.
    assessmentEnc: text('assessment_enc').notNull(),
  },
  (t) => [index('case_assessments_case_idx').on(t.caseId, t.evaluatedAt)],
);

/** Yearly counters behind the WP-YYYY-NNNN references. */
export const caseReferenceCounters = pgTable('case_reference_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const caseEventKinds = [
  'status_changed',
  'assessment_changed',
  'sent_for_review',
  'flag_cleared',
  'flag_upheld',
  'info_requested',
  'info_answered',
  'referral_approved',
  'referral_declined',
  'comment',
  // A standing decision withdrawn because the case changed after it (detail: decision, action, sections).
  'decision_withdrawn',
  // An import carried decisions taken elsewhere, kept as "to be confirmed" (detail: flagIds, origin).
  'decisions_carried',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

/**
 * The case's timeline: status changes, changes of recommendation, supervisors' decisions, requests for
 * information and their answers, comments. `detail` holds ids and codes only; any words a person wrote
 * (reasons, questions, answers, comments) are in `text_enc`, encrypted.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    // Insertion order: several events of one decision share a timestamp.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    caseId: caseRef(),
    at: moment('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    kind: text('kind', { enum: caseEventKinds }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    textEnc: text('text_enc'),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.seq),
    index('case_events_kind_idx').on(t.kind, t.caseId),
  ],
);

/**
 * Every supervisor's decision, bound to the case it was made on: the case version, a digest of the
 * assessment (server/cases/decisions/digest.ts) and the case's contents then, encrypted, so what changed since
 * can be shown side by side. `id` is the decision's event on the timeline. A standing verdict (approval,
 * decline, closure) ends when superseded by the next decision or withdrawn because the case changed after it.
 */
export const decisionEndings = ['superseded', 'case_changed'] as const;
export const caseDecisions = pgTable(
  'case_decisions',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    action: text('action').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: moment('decided_at').notNull(),
    caseVersion: integer('case_version').notNull(),
    // Null when the case was not complete enough to assess.
    assessmentDigest: text('assessment_digest'),
    /** Codes only: the approved pathway, the flag decided. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    snapshotEnc: text('snapshot_enc').notNull(),
    endedAt: moment('ended_at'),
    endedReason: text('ended_reason', { enum: decisionEndings }),
    endedVersion: integer('ended_version'),
  },
  (t) => [
    index('case_decisions_case_idx').on(t.caseId, t.decidedAt),
    uniqueIndex('case_decisions_standing_idx')
      .on(t.caseId)
      .where(sql`${t.endedAt} is null and ${t.action} in ('approve_referral', 'decline_referral', 'close')`),
    check('case_decisions_ended_reason', sql`${t.endedReason} in ('superseded', 'case_changed')`),
    check('case_decisions_ended_together', sql`(${t.endedAt} is null) = (${t.endedReason} is null)`),
  ],
);

/**
 * Decisions an imported case file carried (its `review.clearedFlags`): kept with their origin as "cleared
 * elsewhere: to be confirmed", counted as not taken until a reviewer confirms (or upholds) each one.
 */
export const carriedKinds = ['flag_cleared'] as const;
export type CarriedKind = (typeof carriedKinds)[number];
export const carriedResolutions = ['confirmed', 'upheld'] as const;
export const caseCarriedDecisions = pgTable(
  'case_carried_decisions',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    kind: text('kind', { enum: carriedKinds }).notNull(),
    /** The flag id. */
    subject: text('subject').notNull(),
    /** The reference the imported file carried (it may have been given a new one here). */
    originReference: text('origin_reference'),
    importedBy: uuid('imported_by').references(() => users.id),
    importedAt: moment('imported_at').notNull(),
    resolution: text('resolution', { enum: carriedResolutions }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: moment('resolved_at'),
  },
  (t) => [
    uniqueIndex('case_carried_decisions_subject_idx').on(t.caseId, t.kind, t.subject),
    check('case_carried_decisions_kind', sql`${t.kind} in ('flag_cleared')`),
    check('case_carried_decisions_resolution', sql`${t.resolution} in ('confirmed', 'upheld')`),
    check(
      'case_carried_decisions_resolved_together',
      sql`(${t.resolution} is null) = (${t.resolvedAt} is null)`,
    ),
  ],
);

// The organisation's letterhead and signature line on every summary, as an admin set them (one row, id 1).
// Absent until an admin saves the settings page; until then the name is ORG_NAME from the environment.
export const organisationSettings = pgTable(
  'organisation_settings',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    contact: text('contact').notNull(),
    signatoryRole: text('signatory_role').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: moment('updated_at').notNull(),
  },
  (t) => [check('organisation_settings_one_row', sql`${t.id} = 1`)],
);

/**
 * An admin's review of a reference-data file (rules/data): the day it was checked, by whom, and a note. Rows are
 * only ever added, so the history stays; the rules read the latest date per file (REFDATA_STALE). The facts
 * themselves change only through code review.
 */
export const referenceReviews = pgTable(
  'reference_reviews',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    file: text('file').notNull(),
    reviewedOn: day('reviewed_on').notNull(),
    note: text('note').notNull(),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
    reviewedAt: moment('reviewed_at').notNull(),
  },
  (t) => [index('reference_reviews_file_idx').on(t.file, t.reviewedAt)],
);

// ---------------------------------------------------------------------------------------------------------
// Document scans and other evidence (server/attachments). Only the rewritten file is stored, never the
// upload; its bytes are sealed (AES-256-GCM) in chunks of at most 1 MiB, each bound to its case, attachment,
// variant and place in the sequence. `document_id` names the document entry a scan belongs to (null: the
// case as a whole), with the entry's type at the time: a scan follows its entry only while it keeps that type.
// ---------------------------------------------------------------------------------------------------------

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const attachmentKinds = [
  'document_page',
  'photo',
  'screenshot',
  'medical_record',
  'letter',
  'other',
] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey(),
    caseId: caseRef(),
    documentId: uuid('document_id'),
    documentType: text('document_type'),
    kind: text('kind', { enum: attachmentKinds }).notNull(),
    captionEnc: text('caption_enc'),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    pages: integer('pages').notNull(),
    width: integer('width'),
    height: integer('height'),
    hasThumbnail: boolean('has_thumbnail').notNull(),
    // What the rewrite removed (location, camera, ...), shown to the caseworker.
    removed: text('removed').array().notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: moment('added_at').notNull(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId, t.addedAt)],
);

export const attachmentVariants = ['file', 'thumbnail'] as const;
export type AttachmentVariant = (typeof attachmentVariants)[number];

export const attachmentChunks = pgTable(
  'attachment_chunks',
  {
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => caseAttachments.id, { onDelete: 'cascade' }),
    variant: text('variant', { enum: attachmentVariants }).notNull(),
    seq: integer('seq').notNull(),
    keyVersion: integer('key_version').notNull(),
    // IV (12 bytes), ciphertext, GCM tag (16 bytes).
    sealed: bytea('sealed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attachmentId, t.variant, t.seq] })],
);

// ---------------------------------------------------------------------------------------------------------
// Creating forms sent at most once per form instance (server/http/once.ts): a hash of the form's one-time
// token, claimed before the work is done, and the page the first submission led to.
// ---------------------------------------------------------------------------------------------------------

export const formSubmissions = pgTable(
  'form_submissions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    // Null while the first submission is being processed.
    result: text('result'),
    claimedAt: moment('claimed_at').notNull(),
    expiresAt: moment('expires_at').notNull(),
  },
  (t) => [index('form_submissions_expires_idx').on(t.expiresAt)],
);
