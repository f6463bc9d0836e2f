// The case list: search by reference or pseudonym, filters, two sort orders and pages. Only the pseudonym
// names a person here. The search term never travels in a URL: the filter form posts it, and the list's URL
// names it by an opaque id (server/http/saved-search.ts); it appears in nothing but this page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CaseStatus, caseStatuses } from '../../db/schema';
import { actions, riskLevels } from '../../rules/assessment';
import { addDays } from '../../rules/dates';
import { stayWarning } from '../../rules/flags/host-stay-ending';
import { labels } from '../../rules/labels';
import { listsWithdrawn, todayOf } from '../cases/repository';
import { type ListQuery, type ListRow, NONE, PAGE_SIZE, readListQuery } from '../cases/repository/list-query';
import { findSearch, saveSearch } from '../http/saved-search';
import type { MessageKey } from '../i18n';
import { caseRoles } from '../policy';

interface PageLink {
  page: number;
  href: string;
  current: boolean;
}

/** The list URL for a query, keeping only what differs from the defaults. */
export function listHref(query: ListQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  if (query.status) params.set('status', query.status);
  if (query.assignee) params.set('assignee', query.assignee);
  if (query.action) params.set('action', query.action);
  if (query.risk) params.set('risk', query.risk);
  if (query.sort !== 'updated') params.set('sort', query.sort);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/cases?${search}` : '/cases';
}

/** Page numbers to link: the first, the last, and two either side of the current one; null marks a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous > 1) out.push(null);
    out.push(p);
  });
  return out;
}

// Made once per locale: constructing Intl.PluralRules cost more than the rest of the list's formatting.
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralKey(locale: string, n: number): MessageKey {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const form = rules.select(n);
  return form === 'one'
    ? 'cases.list.count.one'
    : form === 'few'
      ? 'cases.list.count.few'
      : 'cases.list.count.many';
}

function stayState(stayEndsOn: string | null, today: string): 'ended' | 'soon' | undefined {
  if (!stayEndsOn) return undefined;
  if (stayEndsOn < today) return 'ended';
  const soon = addDays(today, stayWarning.value); // "soon" is when the rule warns
  return stayEndsOn <= soon ? 'soon' : undefined;
}

const statusKey = (status: CaseStatus): MessageKey => `cases.status.label.${status}`;

/** Renders the case list for this request's query. */
async function renderCaseList(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const user = request.user!;
  const { t, locale } = request;
  const read = readListQuery(request.query);
  const term = read.search ? findSearch(request, read.search) : undefined;
  const query = { ...read, q: term, search: term === undefined ? undefined : read.search };
  const staff = user.role !== 'caseworker';
  const [result, assignees] = await Promise.all([
    app.cases.list(user, query),
    staff ? app.cases.assigneeOptions() : Promise.resolve(null),
  ]);
  await app.cases.recordListed(
    user.id,
    'list',
    result.rows.map((row) => row.reference),
  );
  const today = todayOf(app.clock());
  // Widened to look up what the database holds (any text) without a cast; unknown codes show as themselves.
  const enumLabels = labels[locale];
  const actionLabels: Readonly<Record<string, string>> = enumLabels.actions;
  const riskLabels: Readonly<Record<string, string>> = enumLabels.riskLevels;
  const rows = result.rows.map((row: ListRow) => ({
    id: row.id,
    reference: row.reference,
    pseudonym: row.pseudonym,
    status: t(statusKey(row.status)),
    assignee: row.assigneeName ?? t('cases.list.unassigned'),
    action: row.action ? (actionLabels[row.action] ?? row.action) : undefined,
    riskLevel: row.riskLevel ?? undefined,
    risk: row.riskLevel ? (riskLabels[row.riskLevel] ?? row.riskLevel) : undefined,
    stayEndsOn: row.stayEndsOn ?? undefined,
    stayState: stayState(row.stayEndsOn, today),
    updatedAt: row.updatedAt,
  }));
  const page = result.page;
  const current = { ...query, page };
  const pageLinks = pageWindow(page, result.pages).map((p) =>
    p === null ? null : ({ page: p, href: listHref(current, p), current: p === page } satisfies PageLink),
  );
  const filtered = Boolean(query.q || query.status || query.assignee || query.action || query.risk);
  return reply.render('cases/list', {
    query,
    rows,
    total: result.total,
    countText: result.capped
      ? t('cases.list.count.more', { count: result.total })
      : t(pluralKey(locale, result.total), { count: result.total }),
    rangeText:
      result.total > 0
        ? t(result.capped ? 'cases.list.rangeMore' : 'cases.list.range', {
            from: (page - 1) * PAGE_SIZE + 1,
            to: Math.min(page * PAGE_SIZE, result.total),
            total: result.total,
          })
        : '',
    filtered,
    sortLabel: t(`cases.list.sort.${query.sort}`),
    pages: result.pages,
    pageLinks,
    previousHref: page > 1 ? listHref(current, page - 1) : undefined,
    nextHref: page < result.pages ? listHref(current, page + 1) : undefined,
    options: {
      statuses: caseStatuses
        .filter((value) => value !== 'withdrawn' || listsWithdrawn(user))
        .map((value) => ({ value, label: t(statusKey(value)) })),
      actions: [
        ...actions.map((value) => ({ value, label: enumLabels.actions[value] })),
        { value: NONE, label: t('cases.list.notAssessed') },
      ],
      risks: [
        ...riskLevels.map((value) => ({ value, label: enumLabels.riskLevels[value] })),
        { value: NONE, label: t('cases.list.notAssessed') },
      ],
      assignees: assignees && [
        ...assignees.map((a) => ({ value: a.id, label: a.displayName })),
        { value: NONE, label: t('cases.list.unassigned') },
      ],
      sorts: (['updated', 'urgency'] as const).map((value) => ({
        value,
        label: t(`cases.list.sort.${value}`),
      })),
    },
    searchExpired: read.search !== undefined && term === undefined,
  });
}

export async function caseListRoutes(app: FastifyInstance): Promise<void> {
  app.get('/cases', { config: { access: caseRoles } }, (request, reply) => {
    // A term typed into the address bar or an old bookmark: kept, and replaced at once by its opaque id.
    const typed = readListQuery(request.query).q;
    if (typed !== undefined)
      return reply.redirect(searchHref(request, reply, readListQuery(request.query)), 303);
    return renderCaseList(app, request, reply);
  });

  // The filter form posts here, so that the search term stays out of every URL.
  app.post('/cases/search', { config: { access: caseRoles } }, async (request, reply) =>
    reply.redirect(searchHref(request, reply, readListQuery(request.body)), 303),
  );
}

/** The list's URL for a query from the filter form: the term saved, and named by its opaque id. */
function searchHref(request: FastifyRequest, reply: FastifyReply, query: ListQuery): string {
  const search = query.q ? saveSearch(request, reply, query.q) : undefined;
  return listHref({ ...query, q: undefined, search }, 1);
}
