// `GET|POST /cases/import-with-attachments`: a "case with attachments" zip (as the zip export writes it)
// brought into this installation. The zip is untrusted: its entries are judged by their declared sizes
// before any is inflated (server/attachments/import-zip.ts), the case file goes through the same import as
// a JSON case file, and every file through the same cleaning as an upload (import-case.ts). Any problem is
// said beside the file field and nothing is imported; never a 500 for a file someone chose.
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseCaseFile } from '../../rules/parse';
import { type FileRefusal, importWithAttachments } from '../attachments/import-case';
import { MAX_ATTACHMENTS, readCaseZip, type ZipRefusal } from '../attachments/import-zip';
import { refuseUnadmittedMultipart } from '../attachments/multipart-guard';
import { MB, megabytes } from '../attachments/page';
import { readBounded, UploadTooLarge } from '../attachments/upload-buffer';
import { caseRoles } from '../policy';
import { MAX_CASE_FILE_BYTES, translateProblem } from './case-transfer';

const access = caseRoles;
const PATH = '/cases/import-with-attachments';

interface Problem {
  message: string;
  list: string[];
}

export async function attachmentImportRoutes(app: FastifyInstance): Promise<void> {
  const limits = app.config.attachmentLimits;
  // The files, the case file and the manifest, and room for the zip's own headers.
  const zipBytes = limits.caseBytes + 2 * MAX_CASE_FILE_BYTES + MB;

  refuseUnadmittedMultipart(app);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: async (part: MultipartFile) => {
      const bytes = await readBounded(part.file, zipBytes).catch((error: unknown) => {
        throw error instanceof UploadTooLarge ? new app.multipartErrors.RequestFileTooLargeError() : error;
      });
      (part as MultipartFile & { value: Buffer }).value = bytes;
    },
    limits: { fileSize: zipBytes, files: 1, fields: 2, parts: 3, fieldSize: 1024, headerPairs: 100 },
  });

  const render = (request: FastifyRequest, reply: FastifyReply, problem?: Problem, status?: number) =>
    reply.render(
      'cases/import-zip',
      {
        title: request.t('att.import.title'),
        action: PATH,
        limits: request.t('att.import.limits', {
          files: MAX_ATTACHMENTS,
          file: megabytes(limits.fileBytes),
          case: megabytes(limits.caseBytes),
        }),
        problem,
      },
      status,
    );

  const refusalText = (request: FastifyRequest, r: ZipRefusal) =>
    request.t(`att.import.refused.${r.reason}`, {
      file: 'file' in r ? r.file : '',
      max: MAX_ATTACHMENTS + 2,
      fileMb: megabytes(limits.fileBytes),
      caseMb: megabytes(limits.caseBytes),
    });
  const fileText = (request: FastifyRequest, r: FileRefusal) =>
    request.t(`att.refused.${r.reason}`, { name: r.file, case: megabytes(limits.caseBytes) });

  // Too large or too many parts fails while the body is read: said on the page, like any other refusal.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (request.routeOptions.url !== PATH || status >= 500 || !request.user) throw error;
    const tooLarge = status === 413 && error.code === 'FST_REQ_FILE_TOO_LARGE';
    const message = tooLarge
      ? request.t('att.import.tooLarge', { max: megabytes(zipBytes) })
      : request.t('att.import.noFile');
    return render(request, reply, { message, list: [] }, tooLarge ? 413 : 400);
  });

  app.get(PATH, { config: { access } }, (request, reply) => render(request, reply));

  app.post(PATH, { config: { access } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const zip = body.file;
    if (!Buffer.isBuffer(zip) || zip.length === 0)
      return render(request, reply, { message: request.t('att.import.noFile'), list: [] }, 400);
    const read = readCaseZip(zip, { ...limits, caseFileBytes: MAX_CASE_FILE_BYTES });
    if (!read.ok)
      return render(request, reply, { message: refusalText(request, read.refusal), list: [] }, 400);
    const parsed = parseCaseFile(read.value.caseFile);
    if (!parsed.ok) {
      const list = parsed.errors.map((e) => `${e.path}: ${translateProblem(request.t, e.message)}`);
      return render(request, reply, { message: request.t('att.import.caseProblems'), list }, 400);
    }
    const deps = { db: app.db, cases: app.cases, attachments: app.attachments, clock: app.clock };
    const imported = await importWithAttachments(
      deps,
      zip,
      parsed.value,
      read.value.attachments,
      request.user!.id,
    );
    if (!imported.ok) {
      const list = imported.refused.map((r) => fileText(request, r));
      return render(request, reply, { message: request.t('att.import.filesRefused'), list }, 400);
    }
    return reply.redirect(`/cases/${imported.id}/attachments`, 303);
  });
}
