// Every page that shows case data leaves a read on the audit log: the test walks every GET route the app
// registers, as a user who may see a seeded case, and fails when a route showing that case wrote no entry
// naming it (a `case.viewed` on the case, or a `case.listed` whose references include it). A new GET route
// must be classified here, or the test fails.
import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, caseAttachments, cases } from '../../db/schema';
import { importCase, loadCase } from '../../server/cases/repository';
import { pngWithText } from '../attachments/fixtures';
import { addUser, signIn, type TestApp, testApp } from '../helpers/app';
import { fixture } from '../helpers/fixtures';

/** Routes that show the seeded case (`case`) or list it (`list`), and those that show no case data. */
const routes: Record<string, 'case' | 'list' | 'none'> = {
  'GET /': 'list',
  'GET /cases': 'list',
  'GET /review': 'list',
  'GET /summaries': 'list',
  'GET /cases/:id': 'case',
  'GET /cases/:id/edit/:form': 'case',
  'GET /cases/:id/lists/:list/new': 'case',
  'GET /cases/:id/lists/:list/:entry': 'case',
  'GET /cases/:id/lists/:list/:entry/remove': 'case',
  'GET /cases/:id/history': 'case',
  'GET /cases/:id/decide/:action': 'case',
  'GET /cases/:id/reaffirm': 'case',
  'GET /cases/:id/carried': 'case',
  'GET /cases/:id/export.json': 'case',
  'GET /cases/:id/summary': 'case',
  'GET /cases/:id/summary.pdf': 'case',
  'GET /cases/:id/attachments': 'case',
  'GET /cases/:id/attachments/:attachmentId': 'case',
  'GET /cases/:id/attachments/:attachmentId/thumbnail': 'case',
  'GET /cases/:id/attachments/:attachmentId/file': 'case',
  'GET /cases/:id/attachments/:attachmentId/download': 'case',
  'GET /cases/:id/attachments/:attachmentId/remove': 'case',
  'GET /cases/:id/export-with-attachments.zip': 'case',
  'GET /cases/new': 'none',
  'GET /cases/import-with-attachments': 'none',
  'GET /healthz': 'none',
  'GET /static/:file': 'none',
  'GET /sign-in': 'none',
  'GET /setup/:token': 'none',
  'GET /password/:token': 'none',
  'GET /account': 'none',
  'GET /sign-in/second-factor': 'none',
  'GET /step-up': 'none',
  'GET /two-factor': 'none',
  'GET /two-factor/totp': 'none',
  'GET /admin/security': 'none',
  'GET /admin/users': 'none',
  'GET /admin/users/new': 'none',
  'GET /admin/users/:id': 'none',
  'GET /admin/audit': 'none',
  'GET /admin/organisation': 'none',
  'GET /admin/reference-data': 'none',
};

let t: TestApp;
let caseId: string;
let reference: string;
let attachmentId: string;
let documentId: string;
let client: Awaited<ReturnType<typeof signIn>>;
// Confirming decisions is for a supervisor who neither entered nor holds the case (four eyes).
let reviewer: Awaited<ReturnType<typeof signIn>>;
const byReviewer = new Set(['/cases/:id/reaffirm', '/cases/:id/carried']);

beforeAll(async () => {
  t = await testApp();
  const supervisor = await addUser(t.app, 'supervisor');
  const now = t.clock.now;
  ({ id: caseId, reference } = await importCase(t.app.db, t.app.keyRing, fixture('anton'), {
    assignedTo: supervisor.id,
    actorId: supervisor.id,
    now,
  }));
  client = await signIn(t.app, supervisor);
  reviewer = await signIn(t.app, await addUser(t.app, 'supervisor'));
  const upload = await client.agent
    .post(`/cases/${caseId}/attachments`)
    .field('_csrf', client.csrf)
    .field('target', 'case')
    .field('kind', 'photo')
    .field('caption', '')
    .attach('files', await pngWithText(), 'photo.png');
  expect(upload.status, upload.text).toBe(303);
  const [attachment] = await t.app.db
    .select({ id: caseAttachments.id })
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId));
  attachmentId = attachment!.id;
  documentId = (await loadCase(t.app.db, t.app.keyRing, caseId))!.parts.documents[0]!.id;
  // Referred and waiting in the queue, so that every list can show it.
  await t.app.db.update(cases).set({ status: 'referred', queuedAt: now }).where(eq(cases.id, caseId));
});
afterAll(() => t.close());

/** The newest audit entry's id: entries after it were written by the request that follows. */
async function lastAuditId(): Promise<number> {
  const [row] = await t.app.db.select({ last: sql<number>`coalesce(max(${auditLog.id}), 0)` }).from(auditLog);
  return Number(row?.last ?? 0);
}

const params: Record<string, () => string> = {
  id: () => caseId,
  form: () => 'person',
  list: () => 'documents',
  entry: () => documentId,
  action: () => 'comment',
  attachmentId: () => attachmentId,
};

/** What a route needs besides its parameters to show the page (the PDF's language is always chosen). */
const queries: Record<string, string> = { '/cases/:id/summary.pdf': '?lang=en' };

/** The route's URL for the seeded case; null for a route with parameters not about a case. */
function urlOf(route: string): string | null {
  let missing = false;
  const url = route.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (!value) missing = true;
    return value ? value() : '';
  });
  return missing ? null : `${url}${queries[route] ?? ''}`;
}

describe('reading a case is on the audit log', () => {
  it('classifies every GET route', () => {
    const registered = t.app.routePolicies.filter((r) => r.method === 'GET').map((r) => `GET ${r.url}`);
    expect(registered.filter((r) => !(r in routes))).toEqual([]);
    expect(Object.keys(routes).filter((r) => !registered.includes(r))).toEqual([]);
  });

  const showing = Object.entries(routes).filter(([, kind]) => kind !== 'none');
  it.each(showing)('%s records the read of the case it shows', async (route, kind) => {
    const url = urlOf(route.slice(4))!;
    const last = await lastAuditId();
    const who = byReviewer.has(route.slice(4)) ? reviewer : client;
    const res = await who.agent.get(url).buffer(true);
    expect(res.status, `${url}: ${res.text?.slice(0, 200)}`).toBe(200);
    const entries = await t.app.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, Number(last)), eq(auditLog.actorLabel, 'user')));
    const named = entries.filter((e) =>
      kind === 'case'
        ? e.action === 'case.viewed' && e.targetId === caseId
        : e.action === 'case.listed' &&
          (e.detail as { references?: string[] }).references?.includes(reference),
    );
    expect(named.length, `${url} wrote: ${entries.map((e) => e.action).join(', ')}`).toBeGreaterThan(0);
  });

  it('records no read of a case the user may not see, and answers as for a missing one', async () => {
    const caseworker = await addUser(t.app, 'caseworker');
    const other = await signIn(t.app, caseworker);
    const last = await lastAuditId();
    const hidden = await other.agent.get(`/cases/${caseId}/lists/documents/${documentId}/remove`);
    const missing = await other.agent.get(
      `/cases/00000000-0000-4000-8000-000000000000/lists/documents/${documentId}/remove`,
    );
    expect(hidden.status).toBe(404);
    expect(hidden.text.replaceAll(caseId, 'ID')).toBe(
      missing.text.replaceAll('00000000-0000-4000-8000-000000000000', 'ID'),
    );
    const reads = await t.app.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, Number(last)), eq(auditLog.action, 'case.viewed')));
    expect(reads).toEqual([]);
  });
});
