// The case repository: the one front door to the case tables. Built from the database, the key ring and a
// clock; registered as a plugin that decorates the app with `app.cases`. Free functions in this folder take
// a transaction where a caller must compose them (tests, seeding, the attachments' writes).
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../../db/client';
import { auditLog, type CaseStatus, cases } from '../../../db/schema';
import type { CaseFile, Person } from '../../../rules/case-schema';
import type { Locale } from '../../../rules/i18n';
import type { FlagId } from '../../../rules/ids';
import { appendAudit } from '../../audit';
import type { SessionUser } from '../../auth/sessions';
import type { KeyRing } from '../../crypto/field-encryption';
import { activeCaseworkers } from '../caseworkers';
import type { CaseParts, Section } from '../parts';
import type { ActingUser } from '../workflow';
import { canSeeCase, visibleCases } from './access';
import { assessCase } from './assessment';
import { decisionToCompare } from './bindings';
import { pendingCarried } from './carried';
import { readClearances } from './clearances';
import { confirmCarried, reaffirm } from './confirmations';
import { myCases, openRequestsFor, queuePage, queueTop, supervisorCounts } from './dashboard';
import { type Decision, decide } from './decisions';
import { readTimeline } from './events';
import { deleteImportedCase } from './evidence';
import { assigneeOptions, type ListQuery, listCases } from './list-query';
import { readCasePage } from './page-reads';
import { type LoadedCase, latestStoredAssessment, loadCase } from './reads';
import { createCase, importCase, saveSection } from './writes';

export { listsWithdrawn } from './access';
export { todayOf } from './assessment';
export { reaffirmable } from './bindings';
export { type Decision, decide } from './decisions';
export { type CaseEvent, recordEvent } from './events';
export { evidenceChanged, lockCase } from './evidence';
export { writePart } from './part-writers';
export { encryptLegacyPlaintext } from './plaintext';
export { openRequestsOf, queuedSince } from './queue';
export { type CaseRow, type LoadedCase, latestStoredAssessment, loadCase } from './reads';
export { createCase, importCase, type SaveResult, saveSection } from './writes';

export class CaseRepository {
  constructor(
    private readonly db: Db,
    private readonly ring: KeyRing,
    private readonly clock: () => Date,
  ) {}

  /** The case, whoever asks; null when there is no such case. */
  load(caseId: string): Promise<LoadedCase | null> {
    return loadCase(this.db, this.ring, caseId);
  }

  /** The case if this user may see it; null for one they may not see, exactly as for a missing one. */
  async loadVisible(user: Pick<SessionUser, 'id' | 'role'>, caseId: string): Promise<LoadedCase | null> {
    const loaded = await this.load(caseId);
    return loaded && canSeeCase(user, loaded.row) ? loaded : null;
  }

  /** The rules' assessment as of now, in the reader's language (or the parts still missing). */
  assess(loaded: LoadedCase, locale?: Locale) {
    return assessCase(loaded, this.clock(), locale);
  }

  latestStoredAssessment(caseId: string) {
    return latestStoredAssessment(this.db, this.ring, caseId);
  }

  create(input: { person: Person; assignedTo: string; actorId: string }) {
    return createCase(this.db, this.ring, { ...input, now: this.clock() });
  }

  importFile(file: CaseFile, input: { assignedTo: string; actorId: string }) {
    return importCase(this.db, this.ring, file, { ...input, now: this.clock() });
  }

  saveSection(input: {
    caseId: string;
    section: Section;
    changes: Partial<CaseParts>;
    expectedVersion: number;
    actorId: string;
  }) {
    return saveSection(this.db, this.ring, { ...input, now: this.clock() });
  }

  decide(input: {
    caseId: string;
    user: Parameters<typeof decide>[2]['user'];
    expectedVersion: number;
    decision: Decision;
  }) {
    return decide(this.db, this.ring, { ...input, now: this.clock() });
  }

  /** The decision a reviewer compares the case with now (a withdrawn verdict, a request), or null. */
  decisionToCompare(caseId: string, status: CaseStatus) {
    return decisionToCompare(this.db, this.ring, caseId, status);
  }

  /**
   * What the case page shows beside the case, read together: the assignee, the timeline, when the rules last
   * ran, their assessment as of now in the reader's language, clearances carried in by an import, the decision
   * to compare with, and (for staff) whom the case may be handed to.
   */
  async pageReads(loaded: LoadedCase, user: Pick<SessionUser, 'role'>, locale: Locale) {
    const [reads, caseworkers] = await Promise.all([
      readCasePage(this.db, this.ring, loaded.row.id),
      user.role === 'caseworker' ? [] : activeCaseworkers(this.db).execute(),
    ]);
    return { ...reads, caseworkers, assessed: this.assess(loaded, locale) };
  }

  /** Clearances an imported file carried that no reviewer has confirmed or upheld yet. */
  pendingCarried(caseId: string) {
    return pendingCarried(this.db, caseId);
  }

  /** The flags cleared on the case as stored: by whom, when and why. */
  clearances(caseId: string) {
    return readClearances(this.db, this.ring, caseId);
  }

  /** Confirms again, in one step, the verdict a change withdrew, while the assessment is the one it rests on. */
  reaffirm(input: { caseId: string; user: ActingUser; expectedVersion: number; reason: string }) {
    return reaffirm(this.db, this.ring, { ...input, now: this.clock() });
  }

  /** Confirms carried clearances, one or all, each a clearance on the record. */
  confirmCarried(input: {
    caseId: string;
    user: ActingUser;
    expectedVersion: number;
    flagIds: FlagId[];
    reason: string;
  }) {
    return confirmCarried(this.db, this.ring, { ...input, now: this.clock() });
  }

  /** Takes away a case just imported (a zip import refused half-way) with all stored under it, on the record. */
  async removeImported(caseId: string, actorId: string, detail: Record<string, unknown>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await deleteImportedCase(tx, caseId);
      await appendAudit(tx, {
        actorId,
        action: 'case.import_undone',
        targetType: 'case',
        targetId: caseId,
        detail,
        at: this.clock(),
      });
    });
  }

  /** Hands the case to another caseworker, on the record. */
  async assign(caseId: string, assigneeId: string, actorId: string): Promise<void> {
    const now = this.clock();
    await this.db.transaction(async (tx) => {
      await tx.update(cases).set({ assignedTo: assigneeId, updatedAt: now }).where(eq(cases.id, caseId));
      await appendAudit(tx, {
        actorId,
        action: 'case.assigned',
        targetType: 'case',
        targetId: caseId,
        detail: { to: assigneeId },
        at: now,
      });
    });
  }

  /** The audit log's last 200 entries about the case, newest first (told as sentences: server/audit/browse.ts). */
  history(caseId: string) {
    return this.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'case'), eq(auditLog.targetId, caseId)))
      .orderBy(desc(auditLog.id))
      .limit(200);
  }

  /** The references of these cases, for the audit log's pages (a reference names no one). */
  referencesOf(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select({ id: cases.id, reference: cases.reference })
      .from(cases)
      .where(inArray(cases.id, ids));
  }

  /** The case a reference names, for the audit page's filter; undefined when none does. */
  async idOfReference(reference: string): Promise<string | undefined> {
    const [found] = await this.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    return found?.id;
  }

  /** The home page of a caseworker: their open cases and the requests for information waiting on them. */
  async caseworkerHome(userId: string) {
    const [mine, requests] = await Promise.all([
      myCases(this.db, userId),
      openRequestsFor(this.db, this.ring, userId),
    ]);
    const listed = new Set([...mine.map((c) => c.reference), ...requests.map((r) => r.reference)]);
    await this.recordListed(userId, 'home', [...listed]);
    return { cases: mine, requests };
  }

  /** The home page of a supervisor: counts of cases by state and the top of the review queue. */
  /** How many cases there are, by status and need: all an admin's home shows (server/policy.ts). */
  counts() {
    return supervisorCounts(this.db, this.clock());
  }

  async supervisorHome(userId: string) {
    const [counts, queue] = await Promise.all([supervisorCounts(this.db, this.clock()), queueTop(this.db)]);
    await this.recordListed(
      userId,
      'home',
      queue.map((c) => c.reference),
    );
    return { counts, queue };
  }

  /** The referred cases this user may see, by reference: the ones a group summary can be made of. */
  referred(user: Pick<SessionUser, 'id' | 'role'>) {
    return this.db
      .select({ id: cases.id, reference: cases.reference, pseudonym: cases.pseudonym })
      .from(cases)
      .where(and(eq(cases.status, 'referred'), visibleCases(user)))
      .orderBy(asc(cases.reference));
  }

  /** A page of the case list as this user may see it, filtered and sorted as the query asks. */
  list(user: SessionUser, query: ListQuery) {
    return listCases(this.db, user, query);
  }

  /** Whom the case list can be filtered by. */
  assigneeOptions() {
    return assigneeOptions(this.db);
  }

  /** A page of the review queue: `limit` cases from `offset`, in the queue's order. */
  queuePage(limit: number, offset: number) {
    return queuePage(this.db).execute({ limit, offset });
  }

  /** The case's timeline: events and decisions, oldest first, their words decrypted. */
  timeline(caseId: string) {
    return readTimeline(this.db, this.ring, caseId);
  }

  /** Records which cases a list showed a user: their references, never their contents. */
  recordListed(actorId: string, view: string, references: readonly string[]) {
    return appendAudit(this.db, {
      actorId,
      action: 'case.listed',
      targetType: 'case',
      detail: { view, references },
      at: this.clock(),
    });
  }

  /** Records that a user read a case on a page (which page, never what it showed). */
  recordRead(actorId: string, caseId: string, view: string) {
    return appendAudit(this.db, {
      actorId,
      action: 'case.viewed',
      targetType: 'case',
      targetId: caseId,
      detail: { view },
      at: this.clock(),
    });
  }
}

/** Everything the case page reads beside the case itself (CaseRepository.pageReads). */
export type CasePageData = Awaited<ReturnType<CaseRepository['pageReads']>>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The case repository: every read and write of case data goes through it. */
    cases: CaseRepository;
  }
}

export const caseRepository = fp(
  async (app: FastifyInstance) => {
    app.decorate('cases', new CaseRepository(app.db, app.keyRing, app.clock));
  },
  { name: 'case-repository' },
);
