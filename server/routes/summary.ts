import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../db/schema';
import type { RequiredPart } from '../cases/parts';
import type { MessageKey } from '../i18n';
import { caseRoles } from '../policy';
import { languageFrom, summaryLanguages } from '../summary/language';
import type { PdfInfo } from '../summary/pdf';
import { type Profile, profileFrom, profileSchema, profiles } from '../summary/profiles';
import { refuseScansOnMinimal, summaryPdfAsked } from '../summary/scans-option';
import { auditExport, coverFor, type SummaryDeps, summaryOf } from '../summary/service';
import type { Summary } from '../summary/shape';
import { caseOf } from './case-scope';

const MAX_GROUP = 30;
const access = caseRoles;

const groupForm = z.strictObject({
  ids: z
    .union([z.uuid(), z.array(z.uuid())], { error: 'summary.group.chooseOne' })
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])]),
  profile: profileSchema,
  lang: z.enum(summaryLanguages, { error: 'summary.group.chooseLanguage' }),
});

type CaseRequest = FastifyRequest<{ Params: { id: string } }>;

const depsOf = (app: FastifyInstance): SummaryDeps => ({
  cases: app.cases,
  db: app.db,
  clock: app.clock,
  orgName: app.config.orgName,
});

function errorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  key: 'badProfile' | 'badLanguage',
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

const pdfInfo = (
  app: FastifyInstance,
  summary: Pick<Summary, 'title' | 'locale' | 'orgName'>,
  ref: string,
): PdfInfo => ({
  title: `${summary.title} ${ref}`,
  author: summary.orgName,
  now: app.clock(),
  lang: summary.locale,
});

/** "Still to fill in": each missing section of the case, linked to its form. */
function incompletePage(
  request: FastifyRequest,
  reply: FastifyReply,
  caseId: string,
  missing: RequiredPart[],
) {
  return reply.render(
    'summary/incomplete',
    {
      title: request.t('summary.incomplete.title'),
      caseHref: `/cases/${caseId}`,
      missing: missing.map((part) => ({
        label: request.t(`case.form.${part}.title`),
        href: `/cases/${caseId}/edit/${part}`,
      })),
    },
    409,
  );
}

const languageChoices = (request: FastifyRequest, current: Locale) =>
  summaryLanguages.map((l) => ({
    value: l,
    label: request.t(`summary.language.${l}`),
    current: l === current,
  }));

// Loaded at the first PDF, not at start-up: pdfkit and its font code took 255 ms of a 1.2 s cold start.
const pdfWriter = () => import('../summary/pdf');

/** One case's summary, on screen and as a PDF (case-scoped). */
export async function caseSummaryRoutes(app: FastifyInstance): Promise<void> {
  const deps = depsOf(app);

  /** The summary the request asks for; null when a 400, 404 or 409 page has been sent instead. */
  async function requested(request: CaseRequest, reply: FastifyReply, lang: Locale) {
    const profile = profileFrom(request.query);
    if (!profile) {
      await errorPage(request, reply, 'badProfile', 400);
      return null;
    }
    const loaded = await summaryOf(deps, caseOf(request), profile, { user: request.user!, locale: lang });
    if (!loaded.ok) {
      await incompletePage(request, reply, loaded.row.id, loaded.missing);
      return null;
    }
    return { profile, summary: loaded.summary, caseId: loaded.row.id, documents: loaded.documents };
  }

  const langOf = (request: FastifyRequest) => languageFrom((request.query as { lang?: unknown }).lang);

  app.get<{ Params: { id: string } }>(
    '/cases/:id/summary',
    { config: { access, stepUp: true, caseView: 'summary' } },
    async (request, reply) => {
      const chosen = langOf(request);
      if (!chosen) return errorPage(request, reply, 'badLanguage', 400);
      // On screen, the summary starts in the reader's language; the PDF's is chosen in the form below it.
      const lang = chosen === 'absent' ? request.locale : chosen;
      const got = await requested(request, reply, lang);
      if (!got) return reply;
      await auditExport(deps, request.user!, [got.caseId], {
        profile: got.profile,
        format: 'html',
        language: lang,
      });
      const base = `/cases/${got.caseId}/summary`;
      return reply.render('summary/show', {
        title: `${got.summary.title} · ${got.summary.reference}`,
        summary: got.summary,
        caseHref: `/cases/${got.caseId}`,
        pdfAction: `${base}.pdf`,
        profile: got.profile,
        profileLinks: profiles.map((p) => ({
          value: p,
          href: `${base}?profile=${p}&lang=${lang}`,
          label: request.t(`summary.profileShort.${p}`),
          current: p === got.profile,
        })),
        languages: languageChoices(request, lang).map((l) => ({
          ...l,
          href: `${base}?profile=${got.profile}&lang=${l.value}`,
        })),
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/summary.pdf',
    { config: { access, stepUp: true, caseView: 'summary.pdf' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return errorPage(request, reply, 'badLanguage', 400);
      if (await refuseScansOnMinimal(request, reply)) return reply;
      // A PDF is never written in a language nobody chose: without one, the summary page asks for it (once
      // the profile, the right to see the case and its completeness are checked as for any export).
      const got = await requested(request, reply, lang === 'absent' ? request.locale : lang);
      if (!got) return reply;
      if (lang === 'absent')
        return reply.redirect(`/cases/${got.caseId}/summary?profile=${got.profile}#export`, 303);
      const { summary } = got;
      const { pdf, scans } = await summaryPdfAsked(
        app.attachments,
        request.query,
        got,
        pdfInfo(app, summary, summary.reference),
      );
      await auditExport(deps, request.user!, [got.caseId], {
        profile: got.profile,
        format: 'pdf',
        language: lang,
        ...(scans === undefined ? {} : { scans }),
      });
      return sendPdf(reply, pdf, `${summary.reference}-summary-${got.profile}-${lang}.pdf`);
    },
  );
}

export async function summaryGroupRoutes(app: FastifyInstance): Promise<void> {
  groupExportRoutes(app, depsOf(app));
}

/** `GET /summaries` to choose referred cases, `POST /summaries.pdf` for them as one PDF behind a cover index. */
function groupExportRoutes(app: FastifyInstance, deps: SummaryDeps): void {
  const referredCases = async (request: FastifyRequest) => {
    const listed = await app.cases.referred(request.user!);
    await app.cases.recordListed(
      request.user!.id,
      'summaries',
      listed.map((c) => c.reference),
    );
    return listed;
  };

  const renderChoose = async (
    request: FastifyRequest,
    reply: FastifyReply,
    chosen: { ids: string[]; profile: Profile; lang: Locale; error?: MessageKey },
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
        languages: languageChoices(request, chosen.lang),
        error: chosen.error ? request.t(chosen.error, { max: MAX_GROUP }) : undefined,
      },
      status,
    );

  app.get('/summaries', { config: { access } }, async (request, reply) =>
    renderChoose(request, reply, { ids: [], profile: 'partner', lang: request.locale }),
  );

  app.post('/summaries.pdf', { config: { access, stepUp: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { _csrf, ...fields } = body;
    const form = groupForm.safeParse(fields);
    const profile = profileSchema.safeParse(fields.profile).data ?? 'partner';
    const chosenLang = languageFrom(fields.lang);
    const lang = chosenLang && chosenLang !== 'absent' ? chosenLang : request.locale;
    if (!form.success) {
      const error = form.error.issues.some((i) => i.path[0] === 'ids')
        ? 'summary.group.chooseOne'
        : 'summary.group.chooseLanguage';
      return renderChoose(request, reply, { ids: [], profile, lang, error }, 400);
    }
    const { ids } = form.data;
    if (ids.length > MAX_GROUP)
      return renderChoose(request, reply, { ids, profile, lang, error: 'summary.group.tooMany' }, 400);
    const reader = { user: request.user!, locale: form.data.lang };
    const summaries: Summary[] = [];
    for (const id of ids) {
      // Exporting a group needs the right to see every case in it.
      const visible = await app.cases.loadVisible(request.user!, id);
      if (!visible) return reply.callNotFound();
      const loaded = await summaryOf(deps, visible, form.data.profile, reader);
      if (!loaded.ok || loaded.row.status !== 'referred')
        return renderChoose(request, reply, { ids, profile, lang, error: 'summary.group.notReferred' }, 400);
      summaries.push(loaded.summary);
    }
    const cover = coverFor(deps, summaries, form.data.profile, reader);
    const stamp = app.clock().toISOString().slice(0, 10);
    const { groupPdf } = await pdfWriter();
    const pdf = await groupPdf(
      cover,
      summaries,
      pdfInfo(app, { title: cover.title, locale: form.data.lang, orgName: cover.letterhead.name }, stamp),
    );
    await auditExport(deps, request.user!, ids, {
      profile: form.data.profile,
      format: 'pdf',
      language: form.data.lang,
    });
    return sendPdf(reply, pdf, `summaries-${stamp}-${form.data.profile}-${form.data.lang}.pdf`);
  });
}
