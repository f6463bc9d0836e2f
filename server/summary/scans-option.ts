// The summary export's "append the scans" option (`scans=1`): read from the query, refused on the minimal
// profile (its reader may not see the names and numbers a document shows), and the PDF written with the
// scans when asked. The appendix module (sharp, pdf-lib, the fonts) is loaded only when scans are asked for.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AttachmentRepository } from '../attachments/repository';
import type { PdfInfo } from './pdf';
import { profileFrom } from './profiles';
import type { Summary } from './shape';

/** Whether the query asks for the scans (the export form's checkbox sends `scans=1`). */
const scansWanted = (query: unknown) => {
  const raw = (query as Record<string, unknown> | undefined)?.scans;
  return raw === '1' || raw === 'on' || raw === 'true';
};

/** Answers 400 with the reason when the query asks for scans on the minimal profile (true); else false. */
export async function refuseScansOnMinimal(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (!scansWanted(request.query) || profileFrom(request.query) !== 'minimal') return false;
  await reply.render(
    'error',
    {
      title: request.t('att.summary.minimalRefused.title'),
      message: request.t('att.summary.minimalRefused.message'),
    },
    400,
  );
  return true;
}

/** The summary's PDF, with its documents' scans appended when the query asks; `scans` is how many were. */
export async function summaryPdfAsked(
  attachments: Pick<AttachmentRepository, 'list' | 'read'>,
  query: unknown,
  got: { caseId: string; summary: Summary; documents: readonly { id: string; type: string }[] },
  info: PdfInfo,
): Promise<{ pdf: Buffer; scans?: number }> {
  const { summaryPdf } = await import('./pdf');
  if (!scansWanted(query) || got.summary.profile === 'minimal')
    return { pdf: await summaryPdf(got.summary, info) };
  const { summaryWithScans } = await import('./scans-appendix');
  return summaryWithScans(attachments, got.caseId, got.documents, got.summary, (appendix) =>
    summaryPdf(got.summary, info, appendix),
  );
}
