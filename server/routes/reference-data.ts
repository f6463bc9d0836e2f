// Reference data an admin keeps current: every fact the rules rest on, with its source and the file's review
// date, and a form to mark a file reviewed with a note (stored and audited; the rules read the dates). Also
// the unit suggestions the case form asks for while a caseworker types.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { effectiveReviewedOn, referenceDataFiles } from '../../rules/data/index';
import { daysBetween } from '../../rules/dates';
import { staleAfter } from '../../rules/flags/refdata-stale';
import type { Locale } from '../../rules/i18n';
import { isUnsourced } from '../../rules/sources';
import { readForm } from '../http/forms';
import { formatDay } from '../i18n/dates';
import { adminOnly, caseRoles } from '../policy';
import { latestReviews, recordReview, reviewHistory } from '../reference-data/reviews';
import { unitSuggestions } from '../reference-data/units';

const fileIds = referenceDataFiles.map((f) => f.file) as [string, ...string[]];
const reviewForm = z.strictObject({
  file: z.enum(fileIds, 'form.choose'),
  note: z.string().trim().min(1, 'form.required').max(2000, 'form.tooLong'),
});
const suggestForm = z.object({ q: z.string().max(300).default('') });

/** The page's view of every file: its facts with their sources, its review history, whether it is stale. */
async function pageModel(app: FastifyInstance, locale: Locale) {
  const [latest, history] = await Promise.all([latestReviews(app.db), reviewHistory(app.db)]);
  const today = app.clock().toISOString().slice(0, 10);
  return referenceDataFiles.map((file) => {
    const reviewedOn = effectiveReviewedOn(file, latest);
    return {
      file: file.file,
      id: file.file.replace(/^.*\//, '').replace(/\.ts$/, ''),
      title: file.title[locale],
      codeReviewedOn: formatDay(file.reviewedOn, locale),
      reviewedOn: formatDay(reviewedOn, locale),
      stale: daysBetween(reviewedOn, today) > staleAfter.value,
      history: history
        .filter((r) => r.file === file.file)
        .map((r) => ({ on: formatDay(r.reviewedOn, locale), by: r.reviewerName ?? '—', note: r.note })),
      facts: file.facts().map(({ fact, source }) => ({
        text: fact[locale],
        source: isUnsourced(source)
          ? { unsourced: source.why[locale] }
          : { url: source.url, publisher: source.publisher, date: source.date },
      })),
    };
  });
}

export async function referenceDataRoutes(app: FastifyInstance): Promise<void> {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values?: Record<string, unknown>; errors?: Record<string, string> } = {},
    status?: number,
  ) =>
    reply.render(
      'admin/reference-data',
      {
        files: await pageModel(app, request.locale),
        staleAfterDays: staleAfter.value,
        values: form.values ?? {},
        errors: form.errors ?? {},
      },
      status,
    );

  app.get('/admin/reference-data', { config: { access: adminOnly } }, (request, reply) =>
    show(request, reply),
  );

  app.post('/admin/reference-data/review', { config: { access: adminOnly } }, async (request, reply) => {
    const form = readForm(reviewForm, request.body);
    if (!form.ok) return show(request, reply, { values: form.values, errors: form.errors }, 400);
    await recordReview(app.db, { ...form.data, actorId: request.user!.id, now: app.clock() });
    const id = form.data.file.replace(/^.*\//, '').replace(/\.ts$/, '');
    return reply.redirect(`/admin/reference-data#${id}`, 303);
  });

  // POST so the typed unit never lands in a URL or a log line.
  app.post('/units/suggest', { config: { access: caseRoles } }, async (request, reply) => {
    const parsed = suggestForm.safeParse(request.body ?? {});
    const q = parsed.success ? parsed.data.q : '';
    return reply.header('cache-control', 'no-store').send(unitSuggestions(q, request.locale));
  });
}
