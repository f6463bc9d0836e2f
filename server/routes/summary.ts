// Case summaries: the printable page (`GET /cases/:id/summary?profile=`), the PDF
// (`GET /cases/:id/summary.pdf?profile=`), and the group export of referred cases (`GET /summaries` to choose,
// `POST /summaries.pdf` for one PDF with a cover index). Only the profile goes in a query string; every export
// is audited with the profile and the case ids, and sent as a no-store attachment.
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cases } from '../../db/schema';
import { visibleCases } from '../cases/access';
import type { MessageKey } from '../i18n';
import { anyRole } from '../policy';
import type { Summary } from '../summary/model';
import type { PdfInfo } from '../summary/pdf';
import { type Profile, profileFrom, profileSchema, profiles } from '../summary/profiles';
import { auditExport, coverFor, loadSummary, type Reader } from '../summary/service';

export const MAX_GROUP = 30;
const access = anyRole;

const groupForm = z.strictObject({
  ids: z
    .union([z.uuid(), z.array(z.uuid())], { error: 'summary.group.chooseOne' })
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])]),
  profile: profileSchema,
});

type CaseRequest = FastifyRequest<{ Params: { id: string } }>;

const readerOf = (request: FastifyRequest): Reader => ({
  user: request.user!,
  locale: request.locale,
  t: request.t,
});

function errorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  key: 'incomplete' | 'badProfile',
  status: number,
) {
  return reply.render(
    'error',
    {
      title: request.t(`summary.${key}.title`),
      message: request.t(`summary.${key}.message`),
    },
    status,
  );
}

function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string) {
  // The reference names the file: it identifies the case to its holders and no one to anyone else.
  return reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .header('Cache-Control', 'no-store')
    .send(pdf);
}

const pdfInfo = (app: FastifyInstance, summary: Pick<Summary, 'title' | 'locale'>, ref: string): PdfInfo => ({
  title: `${summary.title} ${ref}`,
  author: app.config.orgName,
  now: app.clock(),
  lang: summary.locale,
});

// Loaded at the first PDF, not at start-up: pdfkit and its font code took 255 ms of a 1.2 s cold start.
const pdfWriter = () => import('../summary/pdf');

export async function summaryRoutes(app: FastifyInstance): Promise<void> {
  /** The summary the request asks for; null when a 400, 404 or 409 page has been sent instead. */
  async function requested(request: CaseRequest, reply: FastifyReply) {
    const profile = profileFrom(request.query);
    if (!profile) {
      await errorPage(request, reply, 'badProfile', 400);
      return null;
    }
    const loaded = await loadSummary(app, request.params.id, profile, readerOf(request));
    if (!loaded.ok) {
      if (loaded.reason === 'not_found') await reply.callNotFound();
      else await errorPage(request, reply, 'incomplete', 409);
      return null;
    }
    return { profile, summary: loaded.summary, caseId: loaded.row.id };
  }

  app.get<{ Params: { id: string } }>(
    '/cases/:id/summary',
    { config: { access, stepUp: true } },
    async (request, reply) => {
      const got = await requested(request, reply);
      if (!got) return reply;
      await auditExport(app, request.user!, [got.caseId], { profile: got.profile, format: 'html' });
      const base = `/cases/${got.caseId}/summary`;
      return reply.render('summary/show', {
        title: `${got.summary.title} · ${got.summary.reference}`,
        summary: got.summary,
        caseHref: `/cases/${got.caseId}`,
        pdfHref: `${base}.pdf?profile=${got.profile}`,
        profileLinks: profiles.map((p) => ({
          href: `${base}?profile=${p}`,
          label: request.t(`summary.profileShort.${p}`),
          current: p === got.profile,
        })),
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/summary.pdf',
    { config: { access, stepUp: true } },
    async (request, reply) => {
      const got = await requested(request, reply);
      if (!got) return reply;
      const { summary } = got;
      const { summaryPdf } = await pdfWriter();
      const pdf = await summaryPdf(summary, pdfInfo(app, summary, summary.reference));
      await auditExport(app, request.user!, [got.caseId], { profile: got.profile, format: 'pdf' });
      return sendPdf(reply, pdf, `${summary.reference}-summary-${got.profile}.pdf`);
    },
  );

  // --- Group export ------------------------------------------------------------------------------------------

  const referredCases = (request: FastifyRequest) =>
    app.db
      .select({ id: cases.id, reference: cases.reference, pseudonym: cases.pseudonym })
      .from(cases)
      .where(and(eq(cases.status, 'referred'), visibleCases(request.user!)))
      .orderBy(asc(cases.reference));

  const renderChoose = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chosen: { ids: string[]; profile: Profile; error?: MessageKey },
    status?: number,
  ) =>
    reply.render(
      'summary/choose',
      {
        title: request.t('summary.group.title'),
        cases: await referredCases(request),
        chosen: new Set(chosen.ids),
        profile: chosen.profile,
        profiles: profiles.map((p) => ({ value: p, label: request.t(`summary.profile.${p}`) })),
        error: chosen.error ? request.t(chosen.error, { max: MAX_GROUP }) : undefined,
      },
      status,
    );

  app.get('/summaries', { config: { access } }, async (request, reply) =>
    renderChoose(request, reply, { ids: [], profile: 'partner' }),
  );

  app.post('/summaries.pdf', { config: { access, stepUp: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { _csrf, ...fields } = body;
    const form = groupForm.safeParse(fields);
    const profile = profileSchema.safeParse(fields.profile).data ?? 'partner';
    if (!form.success)
      return renderChoose(request, reply, { ids: [], profile, error: 'summary.group.chooseOne' }, 400);
    const { ids } = form.data;
    if (ids.length > MAX_GROUP)
      return renderChoose(request, reply, { ids, profile, error: 'summary.group.tooMany' }, 400);
    const reader = readerOf(request);
    const summaries: Summary[] = [];
    for (const id of ids) {
      const loaded = await loadSummary(app, id, form.data.profile, reader);
      // Exporting a group needs the right to see every case in it.
      if (!loaded.ok && loaded.reason === 'not_found') return reply.callNotFound();
      if (!loaded.ok || loaded.row.status !== 'referred')
        return renderChoose(request, reply, { ids, profile, error: 'summary.group.notReferred' }, 400);
      summaries.push(loaded.summary);
    }
    const cover = coverFor(app, summaries, form.data.profile, reader);
    const stamp = app.clock().toISOString().slice(0, 10);
    const { groupPdf } = await pdfWriter();
    const pdf = await groupPdf(
      cover,
      summaries,
      pdfInfo(app, { title: cover.title, locale: request.locale }, stamp),
    );
    await auditExport(app, request.user!, ids, { profile: form.data.profile, format: 'pdf' });
    return sendPdf(reply, pdf, `summaries-${stamp}-${form.data.profile}.pdf`);
  });
}
