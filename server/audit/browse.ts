// Reading the audit log for people: the admin's audit page (filtered by user, case reference, action and
// date, a page at a time) and a case's history. Each entry is told as a sentence in the reader's language
// with names and references (server/audit/labels.ts), never as codes, JSON or ids.
import { and, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { auditLog, type Locale, users } from '../../db/schema';
import type { MessageKey, Translate } from '../i18n';
import { auditActions, auditSentence } from './labels';

const AUDIT_PAGE_SIZE = 50;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const day = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) =>
  day.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The filter as the page's form sends it; what cannot be read is reported beside its field, not guessed. */
const filterSchema = z.object({
  user: z.string().optional(),
  case: z.string().optional(),
  action: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  before: z.string().optional(),
});

export interface AuditFilter {
  user?: string;
  caseReference?: string;
  action?: (typeof auditActions)[number];
  from?: string;
  to?: string;
  before?: number;
}
export type FilterErrors = Partial<Record<'user' | 'case' | 'action' | 'from' | 'to', MessageKey>>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Reads the query string: the filter, what the form should show again, and errors beside fields. */
export function readAuditFilter(raw: unknown): {
  filter: AuditFilter;
  values: Record<string, string>;
  errors: FilterErrors;
} {
  const flat = Object.fromEntries(
    Object.entries(raw && typeof raw === 'object' ? raw : {}).map(([k, v]) => [k, first(v)]),
  );
  const parsed = filterSchema.safeParse(flat);
  const input = parsed.success ? parsed.data : {};
  const values: Record<string, string> = {};
  const errors: FilterErrors = {};
  const filter: AuditFilter = {};
  const user = input.user?.trim() ?? '';
  if (user) {
    values.user = user;
    if (uuid.test(user)) filter.user = user;
    else errors.user = 'admin.audit.filter.badUser';
  }
  const reference = (input.case ?? '').trim().toUpperCase();
  if (reference) {
    values.case = reference;
    if (/^[A-Z0-9-]{3,40}$/.test(reference)) filter.caseReference = reference;
    else errors.case = 'admin.audit.filter.badReference';
  }
  const action = input.action?.trim() ?? '';
  if (action) {
    values.action = action;
    const known = auditActions.find((a) => a === action);
    if (known) filter.action = known;
    else errors.action = 'admin.audit.filter.badAction';
  }
  for (const edge of ['from', 'to'] as const) {
    const value = input[edge]?.trim() ?? '';
    if (!value) continue;
    values[edge] = value;
    if (validDay(value)) filter[edge] = value;
    else errors[edge] = 'admin.audit.filter.badDate';
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.to = 'admin.audit.filter.toBeforeFrom';
    delete filter.to;
  }
  const before = Number(input.before);
  if (Number.isInteger(before) && before > 0) filter.before = before;
  return { filter, values, errors };
}

/** The page's URL for a filter (ids, references, codes and dates only: no personal data). */
export function auditHref(filter: AuditFilter, before?: number): string {
  const params = new URLSearchParams();
  if (filter.user) params.set('user', filter.user);
  if (filter.caseReference) params.set('case', filter.caseReference);
  if (filter.action) params.set('action', filter.action);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (before) params.set('before', String(before));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : '/admin/audit';
}

export interface AuditLine {
  id: number;
  at: Date;
  who: string;
  what: string;
  /** A case's reference or a user's name, with the user's id for a link. */
  on?: { kind: 'case'; reference: string } | { kind: 'user'; id: string; name: string };
}

type Row = typeof auditLog.$inferSelect;

/** Case references by id: the case repository's (`app.cases.referencesOf`), the only reader of case tables. */
type ReferencesOf = (ids: string[]) => Promise<{ id: string; reference: string }[]>;

/** Tells entries as lines: names for user ids, references for case ids, a sentence for the action. */
export async function describeEntries(
  db: Db,
  referencesOf: ReferencesOf,
  rows: Row[],
  locale: Locale,
  t: Translate,
): Promise<AuditLine[]> {
  const userIds = new Set<string>();
  const caseIds = new Set<string>();
  for (const r of rows) {
    if (r.actorId) userIds.add(r.actorId);
    if (r.targetType === 'user' && r.targetId && uuid.test(r.targetId)) userIds.add(r.targetId);
    if (r.targetType === 'case' && r.targetId && uuid.test(r.targetId)) caseIds.add(r.targetId);
    if (typeof r.detail.to === 'string' && uuid.test(r.detail.to)) userIds.add(r.detail.to);
  }
  const [names, references] = await Promise.all([
    userIds.size
      ? db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, [...userIds]))
      : [],
    referencesOf([...caseIds]),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const referenceOf = new Map(references.map((c) => [c.id, c.reference]));
  const removed = t('admin.audit.removedAccount');
  const userName = (id: unknown) => (typeof id === 'string' && nameOf.get(id)) || removed;
  return rows.map((r) => {
    const who = r.actorId
      ? userName(r.actorId)
      : r.actorLabel === 'cli'
        ? t('admin.audit.actor.cli')
        : t('admin.audit.actor.system');
    const line: AuditLine = {
      id: r.id,
      at: r.at,
      who,
      what: auditSentence(r.action, r.detail, { locale, userName }),
    };
    if (r.targetType === 'case' && r.targetId)
      line.on = { kind: 'case', reference: referenceOf.get(r.targetId) ?? t('admin.audit.removedCase') };
    if (r.targetType === 'user' && r.targetId)
      line.on = { kind: 'user', id: r.targetId, name: userName(r.targetId) };
    return line;
  });
}

/** One page of the log, newest first, under a filter; `next` is where the following page starts. */
export async function auditPage(
  db: Db,
  filter: AuditFilter,
  /** The case the filter's reference names (found by the case repository); null when none does. */
  caseId: string | null | undefined,
): Promise<{ rows: Row[]; next?: number; unknownReference: boolean }> {
  const where: (SQL | undefined)[] = [];
  if (filter.before) where.push(lt(auditLog.id, filter.before));
  if (filter.user)
    where.push(
      or(
        eq(auditLog.actorId, filter.user),
        and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, filter.user)),
      ),
    );
  if (filter.caseReference) {
    if (!caseId) return { rows: [], unknownReference: true };
    where.push(and(eq(auditLog.targetType, 'case'), eq(auditLog.targetId, caseId)));
  }
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) where.push(lt(auditLog.at, new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: page,
    next: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)?.id : undefined,
    unknownReference: false,
  };
}

/** Everyone who may appear in the user filter, by name. */
export async function filterUsers(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: users.id, name: users.displayName }).from(users).orderBy(users.displayName);
}
