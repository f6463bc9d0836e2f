// Scans and other evidence attached to a case: the page listing them with the upload form
// (`GET|POST /cases/:id/attachments`), the viewer, the thumbnail, the file shown inline and downloaded, and
// removal, which asks first. Uploads are a plain multipart form (the script only adds progress). Every file
// response is no-store, nosniff, sandboxed and named by Content-Disposition; every view is audited.
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AttachmentVariant, attachmentKinds } from '../../db/schema';
import { cleanUpload, type Refusal } from '../attachments/clean';
import { sandboxFileResponses } from '../attachments/file-responses';
import { refuseUnadmittedMultipart } from '../attachments/multipart-guard';
import { attachmentGroups, documentLabel, kindOptions, megabytes, removedNote } from '../attachments/page';
import type { AttachmentRow } from '../attachments/repository';
import { readBounded, UploadTooLarge } from '../attachments/upload-buffer';
import { appendAudit } from '../audit';
import type { AuditAction } from '../audit/labels';
import type { LoadedCase } from '../cases/repository';
import type { MessageKey } from '../i18n';
import { isMessageKey } from '../i18n/keys';
import { caseRoles } from '../policy';

const access = caseRoles;
const MAX_FILES_AT_ONCE = 5;

type Params = { id: string; attachmentId?: string };
type CaseRequest = FastifyRequest<{ Params: Params }>;

interface Upload {
  name: string;
  bytes: Buffer;
}

const uploadForm = z.object({
  target: z.string().regex(/^(case|doc-[0-9a-f-]{36})$/, 'att.refused.target'),
  kind: z.enum(attachmentKinds, 'att.refused.kind'),
  caption: z
    .string()
    .trim()
    .max(300, 'att.refused.caption')
    .transform((v) => v || undefined),
});

/** A page's problems: per field, and per refused file. */
interface Problems {
  fields?: Partial<Record<'files' | 'target' | 'kind' | 'caption', string>>;
  files?: string[];
}

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

// Multipart limit errors that are about the number of parts, not their size.
const tooManyParts = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

const wantsJson = (request: FastifyRequest) => /application\/json/.test(String(request.headers.accept ?? ''));

function uploadsOf(body: Record<string, unknown>): Upload[] {
  const raw = body.files;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter(
    (u): u is Upload =>
      typeof u === 'object' &&
      u !== null &&
      Buffer.isBuffer((u as Upload).bytes) &&
      (u as Upload).bytes.length > 0,
  );
}

export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app;
  const limits = app.config.attachmentLimits;

  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    // Every file becomes its name and bytes, whatever type the browser claimed (a text/plain part would
    // otherwise arrive as a string). Nothing is decoded here: the handler judges the bytes.
    onFile: async (part: MultipartFile) => {
      const bytes = await readBounded(part.file, limits.fileBytes).catch((error: unknown) => {
        throw error instanceof UploadTooLarge ? new app.multipartErrors.RequestFileTooLargeError() : error;
      });
      (part as MultipartFile & { value: Upload }).value = { name: part.filename.slice(0, 120), bytes };
    },
    limits: {
      fileSize: limits.fileBytes,
      files: MAX_FILES_AT_ONCE,
      fields: 6,
      parts: MAX_FILES_AT_ONCE + 6,
      fieldSize: 2048,
      headerPairs: 100,
    },
  });

  refuseUnadmittedMultipart(app);

  sandboxFileResponses(app);

  // The case scope has loaded it, except for a body refused while it was read (before the scope's hook).
  const caseFor = async (request: CaseRequest, reply: FastifyReply): Promise<LoadedCase | null> => {
    if (request.loadedCase) return request.loadedCase;
    const loaded = await app.cases.loadVisible(request.user!, request.params.id);
    if (!loaded) await reply.callNotFound();
    return loaded;
  };

  /** The case and one of its attachments; an attachment of another case is not found. */
  async function visibleAttachment(
    request: CaseRequest,
    reply: FastifyReply,
  ): Promise<{ loaded: LoadedCase; row: AttachmentRow } | null> {
    const loaded = await caseFor(request, reply);
    if (!loaded) return null;
    const id = request.params.attachmentId ?? '';
    const row = z.uuid().safeParse(id).success ? await app.attachments.find(loaded.row.id, id) : undefined;
    if (!row) {
      await reply.callNotFound();
      return null;
    }
    return { loaded, row };
  }

  const audit = (
    request: FastifyRequest,
    caseId: string,
    action: AuditAction,
    detail: Record<string, unknown>,
  ) =>
    appendAudit(db, {
      actorId: request.user!.id,
      action,
      targetType: 'case',
      targetId: caseId,
      detail,
      at: app.clock(),
    });

  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    loaded: LoadedCase,
    form: { target: string; kind: string; caption: string; problems?: Problems },
    status?: number,
  ) {
    const { t, locale } = request;
    const caseId = loaded.row.id;
    const documents = loaded.parts.documents ?? [];
    const attachments = await app.attachments.list(caseId);
    const groups = attachmentGroups(caseId, documents, attachments, locale, t);
    return reply.render(
      'cases/attachments',
      {
        title: t('att.title'),
        caseRow: loaded.row,
        groups,
        count: attachments.length,
        form,
        targets: [
          ...documents.map((d, i) => ({
            value: `doc-${d.id}`,
            label: t('att.document', { n: i + 1, type: documentLabel(d.type, locale) }),
          })),
          { value: 'case', label: t('att.caseWhole') },
        ],
        kinds: kindOptions(t),
        filesHint: t('att.add.filesHint', {
          file: megabytes(limits.fileBytes),
          case: megabytes(limits.caseBytes),
          used: megabytes(attachments.reduce((sum, a) => sum + a.byteSize, 0)),
        }),
      },
      status,
    );
  }

  // Size and part-count refusals happen while the body is read, before the handler: say so on the page.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const caseRequest = request as CaseRequest;
    if (request.routeOptions.url !== '/cases/:id/attachments' || status >= 500 || !request.user) throw error;
    const key: MessageKey = tooManyParts.has(error.code)
      ? 'att.refused.tooMany'
      : status === 413
        ? 'att.refused.tooLarge'
        : 'att.refused.noFile';
    const message = request.t(key, { file: megabytes(limits.fileBytes), max: MAX_FILES_AT_ONCE });
    const code = status === 413 && !tooManyParts.has(error.code) ? 413 : 400;
    if (wantsJson(request)) return reply.code(code).send({ results: [{ ok: false, message }] });
    const loaded = await caseFor(caseRequest, reply);
    if (!loaded) return reply;
    return renderPage(
      request,
      reply,
      loaded,
      { target: 'case', kind: 'document_page', caption: '', problems: { fields: { files: message } } },
      code,
    );
  });

  app.get<{ Params: Params; Querystring: { target?: string } }>(
    '/cases/:id/attachments',
    { config: { access, caseView: 'attachments' } },
    async (request, reply) => {
      const loaded = await caseFor(request, reply);
      if (!loaded) return reply;
      const target = typeof request.query.target === 'string' ? request.query.target : 'case';
      return renderPage(request, reply, loaded, {
        target,
        kind: target === 'case' ? 'photo' : 'document_page',
        caption: '',
      });
    },
  );

  app.post<{ Params: Params }>('/cases/:id/attachments', { config: { access } }, async (request, reply) => {
    const loaded = await caseFor(request, reply);
    if (!loaded) return reply;
    const { t } = request;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const values = { target: text('target'), kind: text('kind'), caption: text('caption') };
    const parsed = uploadForm.safeParse(values);
    const documents = loaded.parts.documents ?? [];
    const documentId = parsed.success && parsed.data.target !== 'case' ? parsed.data.target.slice(4) : null;
    const entry = documents.find((d) => d.id === documentId);
    const fields: NonNullable<Problems['fields']> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        fields[issue.path[0] as 'target'] = t(isMessageKey(issue.message) ? issue.message : 'form.invalid');
    } else if (documentId !== null && !entry) fields.target = t('att.refused.target');
    const uploads = uploadsOf(body);
    if (uploads.length === 0) fields.files = t('att.refused.noFile');
    if (!parsed.success || Object.keys(fields).length > 0) {
      if (wantsJson(request))
        return reply.code(400).send({ results: [{ ok: false, message: Object.values(fields).join(' ') }] });
      return renderPage(request, reply, loaded, { ...values, problems: { fields } }, 400);
    }
    const { kind, caption } = parsed.data;
    const document = entry ? { id: entry.id, type: entry.type } : null;
    const results: { ok: boolean; message: string }[] = [];
    for (const upload of uploads) {
      const refuse = (reason: Refusal | 'caseFull') =>
        results.push({
          ok: false,
          message: t(`att.refused.${reason}`, { name: upload.name, case: megabytes(limits.caseBytes) }),
        });
      // A full case is answered before any decoding; the transaction below decides under the case's lock.
      if ((await app.attachments.usedBytes(loaded.row.id)) >= limits.caseBytes) {
        refuse('caseFull');
        continue;
      }
      const cleaned = await cleanUpload(upload.bytes);
      upload.bytes = Buffer.alloc(0); // the original goes no further
      if (!cleaned.ok) {
        refuse(cleaned.reason);
        continue;
      }
      const added = await app.attachments.add({
        caseId: loaded.row.id,
        document,
        kind,
        caption,
        file: cleaned.file,
        actorId: request.user!.id,
      });
      if (!added.ok) refuse('caseFull');
      else
        results.push({
          ok: true,
          message: `${t('att.add.done', { name: upload.name })} ${removedNote(cleaned.file.removed, t)}`,
        });
    }
    const refused = results.filter((r) => !r.ok);
    const status = refused.length === results.length ? 400 : 200;
    if (wantsJson(request)) return reply.code(status).send({ results });
    if (refused.length === 0) return reply.redirect(`/cases/${loaded.row.id}/attachments`, 303);
    return renderPage(
      request,
      reply,
      loaded,
      { ...values, problems: { files: results.map((r) => r.message) } },
      status,
    );
  });

  app.get<{ Params: Params }>(
    '/cases/:id/attachments/:attachmentId',
    { config: { access, caseView: 'attachment' } },
    async (request, reply) => {
      const found = await visibleAttachment(request, reply);
      if (!found) return reply;
      const { loaded, row } = found;
      const [view] = attachmentGroups(
        loaded.row.id,
        [],
        await app.attachments.list(loaded.row.id),
        request.locale,
        request.t,
      )
        .flatMap((g) => g.items)
        .filter((a) => a.id === row.id);
      return reply.render('cases/attachment', {
        title: request.t('att.viewer.title'),
        caseRow: loaded.row,
        attachment: view,
        fileHref: `${view!.href}/file`,
        downloadHref: `${view!.href}/download`,
        removeHref: `${view!.href}/remove`,
      });
    },
  );

  const sendFile =
    (variant: AttachmentVariant, disposition: 'inline' | 'attachment', view: string) =>
    async (request: CaseRequest, reply: FastifyReply) => {
      const found = await visibleAttachment(request, reply);
      if (!found) return reply;
      const { loaded, row } = found;
      if (variant === 'thumbnail' && !row.hasThumbnail) return reply.callNotFound();
      const bytes = await app.attachments.read(row, variant);
      await audit(request, loaded.row.id, 'attachment.viewed', { attachmentId: row.id, view });
      const type = variant === 'thumbnail' ? 'image/webp' : row.mediaType;
      const ext = variant === 'thumbnail' ? 'webp' : extensions[row.mediaType];
      // The reference names the file: it identifies the case to its holders and no one to anyone else.
      const name = `${loaded.row.reference}-${row.id.slice(0, 8)}${variant === 'thumbnail' ? '-thumbnail' : ''}.${ext}`;
      return reply
        .type(type)
        .header('Content-Disposition', `${disposition}; filename="${name}"`)
        .header('Cache-Control', 'no-store')
        .send(bytes);
    };

  app.get(
    '/cases/:id/attachments/:attachmentId/thumbnail',
    { config: { access, caseView: 'attachment.thumbnail' } },
    sendFile('thumbnail', 'inline', 'thumbnail'),
  );
  app.get(
    '/cases/:id/attachments/:attachmentId/file',
    { config: { access, caseView: 'attachment.file' } },
    sendFile('file', 'inline', 'file'),
  );
  app.get(
    '/cases/:id/attachments/:attachmentId/download',
    { config: { access, caseView: 'attachment.download' } },
    sendFile('file', 'attachment', 'download'),
  );

  app.get<{ Params: Params }>(
    '/cases/:id/attachments/:attachmentId/remove',
    { config: { access, caseView: 'attachment.remove' } },
    async (request, reply) => {
      const found = await visibleAttachment(request, reply);
      if (!found) return reply;
      const { loaded, row } = found;
      return reply.render('cases/attachment-remove', {
        title: request.t('att.remove.title'),
        caseRow: loaded.row,
        kindLabel: request.t(`att.kind.${row.kind}`),
        action: `/cases/${loaded.row.id}/attachments/${row.id}/remove`,
        cancelHref: `/cases/${loaded.row.id}/attachments/${row.id}`,
      });
    },
  );

  app.post<{ Params: Params }>(
    '/cases/:id/attachments/:attachmentId/remove',
    { config: { access } },
    async (request, reply) => {
      const found = await visibleAttachment(request, reply);
      if (!found) return reply;
      await app.attachments.erase(found.row, request.user!.id);
      return reply.redirect(`/cases/${found.loaded.row.id}/attachments`, 303);
    },
  );
}
