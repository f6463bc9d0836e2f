// The case list's query: search, filters, sort and one page, limited to the cases the user may see. The
// search term is bound as a parameter and never leaves this module except as part of the page itself.
import { and, asc, count, desc, eq, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { type CaseStatus, caseStatuses, cases, users } from '../../../db/schema';
import { actions, riskLevels } from '../../../rules/assessment';
import type { SessionUser } from '../../auth/sessions';
import { searchIdPattern } from '../../http/saved-search';
import { listsWithdrawn, visibleCases } from './access';

export const PAGE_SIZE = 25;
/**
 * Counting stops here: an exact count costs a scan of every matching case, and past this many nobody pages
 * through the list anyway (search and filters narrow it). Keeps the list's cost flat as cases grow.
 */
export const COUNT_CAP = 2000;
const listSorts = ['updated', 'urgency'] as const;
type ListSort = (typeof listSorts)[number];
/** The filter value for "no value yet": unassigned, or not assessed because the case is incomplete. */
export const NONE = 'none' as const;

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A value the list does not know is ignored rather than refused: a bookmarked list keeps working after a
// user is removed or a label renamed.
const optionalOf = <const T extends readonly string[]>(values: T) =>
  z
    .enum([NONE, ...values] as [typeof NONE, ...T[number][]])
    .optional()
    .catch(undefined);

const listQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => s.trim().slice(0, 100))
    .optional()
    .catch(undefined),
  /** The opaque id of a saved search term (server/http/saved-search.ts): the term itself is never in a URL. */
  search: z.string().regex(searchIdPattern).optional().catch(undefined),
  status: z.enum(caseStatuses).optional().catch(undefined),
  assignee: z
    .union([z.literal(NONE), z.string().regex(uuidLike)])
    .optional()
    .catch(undefined),
  action: optionalOf(actions),
  risk: optionalOf(riskLevels),
  sort: z.enum(listSorts).default('updated').catch('updated'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

/** Reads the query string leniently: repeated or malformed parameters fall back to their defaults. */
export function readListQuery(raw: unknown): ListQuery {
  const flat: Record<string, unknown> = {};
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      flat[key] = Array.isArray(value) ? value[0] : value;
    }
  }
  return listQuerySchema.parse(flat);
}

export interface ListRow {
  id: string;
  reference: string;
  pseudonym: string;
  status: CaseStatus;
  assigneeName: string | null;
  updatedAt: Date;
  action: string | null;
  riskLevel: string | null;
  stayEndsOn: string | null;
}

export interface ListResult {
  rows: ListRow[];
  /** Matching cases, counted up to COUNT_CAP. */
  total: number;
  /** More cases match than were counted. */
  capped: boolean;
  page: number;
  pages: number;
}

/** `%`, `_` and `\` typed by the user are searched for literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(user: Pick<SessionUser, 'id' | 'role'>, query: ListQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleCases(user)];
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(or(ilike(cases.reference, pattern), ilike(cases.pseudonym, pattern)));
  }
  if (query.status === 'withdrawn')
    where.push(listsWithdrawn(user) ? eq(cases.status, 'withdrawn') : sql`false`);
  else if (query.status) where.push(eq(cases.status, query.status));
  else where.push(ne(cases.status, 'withdrawn'));
  // A caseworker sees only their own cases: the assignee filter means nothing to them.
  if (query.assignee && user.role !== 'caseworker') {
    where.push(query.assignee === NONE ? isNull(cases.assignedTo) : eq(cases.assignedTo, query.assignee));
  }
  if (query.action) where.push(query.action === NONE ? isNull(cases.action) : eq(cases.action, query.action));
  if (query.risk) where.push(query.risk === NONE ? isNull(cases.riskLevel) : eq(cases.riskLevel, query.risk));
  return and(...where);
}

const orderings: Record<ListSort, SQL[]> = {
  updated: [desc(cases.updatedAt), desc(cases.id)],
  // The stay ending soonest first; cases with no known end last, then the most recently changed.
  urgency: [sql`${cases.stayEndsOn} asc nulls last`, desc(cases.updatedAt), desc(cases.id)],
};

export async function listCases(
  db: Db,
  user: Pick<SessionUser, 'id' | 'role'>,
  query: ListQuery,
): Promise<ListResult> {
  const where = conditions(user, query);
  const pageRows = (page: number) =>
    db
      .select({
        id: cases.id,
        reference: cases.reference,
        pseudonym: cases.pseudonym,
        status: cases.status,
        assigneeName: users.displayName,
        updatedAt: cases.updatedAt,
        action: cases.action,
        riskLevel: cases.riskLevel,
        stayEndsOn: cases.stayEndsOn,
      })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .where(where)
      .orderBy(...orderings[query.sort])
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
  // The count and the page are independent: ask for both at once.
  const [[counted], requested] = await Promise.all([
    db.select({ total: count() }).from(
      db
        .select({ one: sql`1` })
        .from(cases)
        .where(where)
        .limit(COUNT_CAP + 1)
        .as('matching'),
    ),
    pageRows(query.page),
  ]);
  const capped = (counted?.total ?? 0) > COUNT_CAP;
  const total = Math.min(counted?.total ?? 0, COUNT_CAP);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the end (a filter narrowed the list) shows the last one.
  const page = Math.min(query.page, pages);
  const rows = page === query.page ? requested : await pageRows(page);
  return { rows, total, capped, page, pages };
}

/** Who may be chosen in the assignee filter (supervisors only): every account that can hold a case, by name. */
export async function assigneeOptions(db: Db): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(ne(users.role, 'admin'))
    .orderBy(asc(users.displayName), asc(users.id));
}
