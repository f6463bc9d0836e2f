// Case files in and out. Export: `GET /cases/:id/export.json`, the case file (waypost-case/1) as an
// attachment, audited. Import: a `.json` file uploaded from the case list's form (303 to the new case), or
// the case file POSTed as `application/json` with the `x-csrf-token` header (201 with `Location`). A file
// that does not parse is refused with every bad path listed; importCase stores all of it or nothing.
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../rules/parse';
import { parseCaseFile } from '../../rules/parse';
import { appendAudit } from '../audit';
import { importMessages, importPatterns } from '../cases/forms/messages';
import { describeImportProblems } from '../cases/import-problems';
import { assemble } from '../cases/parts';
import { todayOf } from '../cases/repository';
import type { MessageKey, Translate } from '../i18n';
import { caseRoles } from '../policy';
import { caseOf } from './case-scope';

/** What the import page says about a refused file. */
interface ImportProblem {
  summary: MessageKey;
  problems: { path: string; message: string }[];
}

export const MAX_CASE_FILE_BYTES = 1024 * 1024;
const access = caseRoles;

/** Why a body is not a case file, before the schema is even asked. */
type Unreadable = 'cases.import.noFile' | 'cases.import.notUtf8' | 'cases.import.notJson';

type Received = { ok: true; value: unknown } | { ok: false; reason: Unreadable; errors: FieldError[] };

const rootError = (message: string): FieldError[] => [{ path: '(root)', message }];

/** The uploaded file's bytes as JSON. */
function readUpload(body: unknown): Received {
  const file = body && typeof body === 'object' ? (body as Record<string, unknown>).file : undefined;
  if (!Buffer.isBuffer(file) || file.length === 0)
    return { ok: false, reason: 'cases.import.noFile', errors: rootError('no file') };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return { ok: false, reason: 'cases.import.notUtf8', errors: rootError('not UTF-8 text') };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false, reason: 'cases.import.notJson', errors: rootError('not valid JSON') };
  }
}

const exactMessages: Record<string, MessageKey> = {
  required: 'cases.import.msg.required',
  'unknown field': 'cases.import.msg.unknownField',
  'invalid date': 'cases.import.msg.invalidDate',
  'invalid country code (ISO 3166-1 alpha-2, e.g. KZ)': 'cases.import.msg.invalidCountry',
  'must not be empty': 'cases.import.msg.notEmpty',
  'too long': 'cases.import.msg.tooLong',
  'digits only': 'cases.import.msg.digitsOnly',
  'must be a whole number': 'cases.import.msg.wholeNumber',
  'must be positive': 'cases.import.msg.positive',
  'at least one citizenship required': 'cases.import.msg.citizenship',
  'required unless the deployment is ongoing': 'cases.import.msg.deploymentEnd',
  'must look like WP-2026-0042': 'cases.import.msg.reference',
  'part number like 5 or 2.1': 'cases.import.msg.part',
  'language code like ru or en': 'cases.import.msg.language',
  ...importMessages,
};
const typeWords: Record<string, MessageKey> = {
  text: 'cases.import.type.text',
  'a number': 'cases.import.type.number',
  'true or false': 'cases.import.type.boolean',
  'an object': 'cases.import.type.object',
  'a list': 'cases.import.type.list',
};

const patterns: [RegExp, (t: Translate, match: string) => string][] = [
  [/^expected (.+)$/, (t, m) => t('cases.import.msg.expected', { type: typeWords[m] ? t(typeWords[m]) : m })],
  [/^must be one of: (.+)$/, (t, m) => t('cases.import.msg.oneOf', { values: m })],
  [/^must be (".*")$/, (t, m) => t('cases.import.msg.mustBe', { value: m })],
  [/^at least (\d+) required$/, (t, m) => t('cases.import.msg.atLeastItems', { n: m })],
  [/^must be at least (-?[\d.]+)$/, (t, m) => t('cases.import.msg.atLeast', { n: m })],
  [/^must be at most (-?[\d.]+)$/, (t, m) => t('cases.import.msg.atMost', { n: m })],
  ...importPatterns,
];

/** The rules module's plain-English problem in the reader's language; a message it does not know stays as is. */
export function translateProblem(t: Translate, message: string): string {
  const exact = exactMessages[message];
  if (exact) return t(exact);
  for (const [pattern, word] of patterns) {
    const match = pattern.exec(message);
    if (match) return word(t, match[1]!);
  }
  return message;
}

// @fastify/multipart's limits on the number of parts: the form sends one file and its token, nothing more.
const tooManyParts = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

const wantsJson = (request: FastifyRequest) =>
  /^application\/json\b/i.test(String(request.headers['content-type'] ?? ''));

export async function caseTransferRoutes(app: FastifyInstance): Promise<void> {
  // Only this plugin reads multipart bodies, and only small ones: one case file and the form token. Fields
  // become plain body properties, so the access guard finds `_csrf` as it does in any other form.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: {
      fileSize: MAX_CASE_FILE_BYTES,
      files: 1,
      fields: 4,
      parts: 5,
      fieldSize: 1024,
      headerPairs: 100,
    },
  });

  const refuseUpload = (
    request: FastifyRequest,
    reply: FastifyReply,
    problem: ImportProblem,
    status: number,
  ) =>
    reply.render(
      'cases/import',
      {
        importProblem: {
          summary: problem.summary,
          groups: describeImportProblems(problem.problems, request.t),
        },
      },
      status,
    );

  // A body too large, malformed or with too many parts fails before the handler runs. A signed-in user sees
  // why beside the import form (the JSON API gets JSON); anyone else gets the app's ordinary error page.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (request.routeOptions.url !== '/cases/import' || status >= 500 || !request.user) throw error;
    const tooLarge = status === 413 && !tooManyParts.has(error.code);
    const code = tooLarge ? 413 : 400;
    if (wantsJson(request)) {
      const problem = tooLarge
        ? 'larger than 1 MB'
        : error.code === 'WP_NOT_UTF8'
          ? 'not UTF-8 text'
          : 'not valid JSON';
      return reply.code(code).send({ errors: rootError(problem) });
    }
    const summary: MessageKey = tooLarge
      ? 'cases.import.tooLarge'
      : tooManyParts.has(error.code)
        ? 'cases.import.oneFile'
        : 'cases.import.noFile';
    return refuseUpload(request, reply, { summary, problems: [] }, code);
  });

  app.post('/cases/import', { config: { access, once: true } }, async (request, reply) => {
    const user = request.user!;
    const json = wantsJson(request);
    const received = json ? ({ ok: true, value: request.body } as const) : readUpload(request.body);
    const parsed = received.ok ? parseCaseFile(received.value, { today: todayOf(app.clock()) }) : undefined;
    if (parsed?.ok) {
      const { id, reference } = await app.cases.importFile(parsed.value, {
        assignedTo: user.id,
        actorId: user.id,
      });
      const url = `/cases/${id}`;
      if (json) return reply.code(201).header('Location', url).send({ id, reference, url });
      return reply.redirect(url, 303);
    }
    const errors = parsed ? parsed.errors : received.ok ? [] : received.errors;
    if (json) return reply.code(400).send({ errors });
    const summary = parsed ? 'cases.import.problems' : received.ok ? 'cases.import.noFile' : received.reason;
    const problems = parsed
      ? errors.map((e) => ({ path: e.path, message: translateProblem(request.t, e.message) }))
      : [];
    return refuseUpload(request, reply, { summary, problems }, 400);
  });
}

/** A case's file as JSON, for moving it between installations (case-scoped). */
export async function caseExportRoutes(app: FastifyInstance): Promise<void> {
  const access = caseRoles;
  app.get<{ Params: { id: string } }>(
    '/cases/:id/export.json',
    { config: { access, stepUp: true, caseView: 'export.json' } },
    async (request, reply) => {
      const user = request.user!;
      const loaded = caseOf(request);
      const assembled = assemble(loaded.parts, loaded.row.reference);
      if (!assembled.ok) {
        return reply.render(
          'error',
          {
            title: request.t('cases.export.incomplete.title'),
            message: request.t('cases.export.incomplete.message'),
          },
          409,
        );
      }
      await appendAudit(app.db, {
        actorId: user.id,
        action: 'case.exported',
        targetType: 'case',
        targetId: loaded.row.id,
        at: app.clock(),
      });
      // The reference names the file: it identifies the case to its holders and no one to anyone else.
      return reply
        .header('Content-Type', 'application/json; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${loaded.row.reference}.json"`)
        .header('Cache-Control', 'no-store')
        .send(`${JSON.stringify(assembled.file, null, 2)}\n`);
    },
  );
}
