// `GET /cases/:id/export-with-attachments.zip`: the case file and its stripped attachments in one zip, for
// moving a case between installations; audited like the JSON export. The JSON export stays without binaries.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { caseZip } from '../attachments/export-zip';
import { sandboxFileResponses } from '../attachments/file-responses';
import { appendAudit } from '../audit';
import { assemble } from '../cases/parts';
import { caseRoles } from '../policy';
import { caseOf } from './case-scope';

export async function attachmentExportRoutes(app: FastifyInstance): Promise<void> {
  sandboxFileResponses(app);
  app.get<{ Params: { id: string } }>(
    '/cases/:id/export-with-attachments.zip',
    { config: { access: caseRoles, stepUp: true, caseView: 'export.zip' } },
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
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
      const { reference, id } = loaded.row;
      const attachments = await app.attachments.list(id);
      await appendAudit(app.db, {
        actorId: request.user!.id,
        action: 'case.exported',
        targetType: 'case',
        targetId: id,
        detail: { format: 'zip', attachments: attachments.length },
        at: app.clock(),
      });
      const zip = caseZip(`${reference}.json`, assembled.file, attachments, loaded.parts.documents, (a) =>
        app.attachments.read(a, 'file'),
      );
      // The reference names the file: it identifies the case to its holders and no one to anyone else.
      return reply
        .type('application/zip')
        .header('Content-Disposition', `attachment; filename="${reference}-with-attachments.zip"`)
        .header('Cache-Control', 'no-store')
        .send(zip);
    },
  );
}
