// Shared by the summary tests: cases imported and approved as the review workflow leaves them, a PDF
// download through supertest, and the PDF's text per page (unpdf, a maintained PDF.js build).
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { cases } from '../../db/schema';
import type { CaseFile } from '../../rules/case-schema';
import { importCase, recordEvent } from '../../server/cases/repository';
import type { Agent, TestUser } from '../helpers/app';

export async function importFor(app: FastifyInstance, file: CaseFile, holder: TestUser): Promise<string> {
  const { id } = await importCase(app.db, app.keyRing, file, {
    assignedTo: holder.id,
    actorId: holder.id,
    now: app.clock(),
  });
  return id;
}

/** What the review workflow leaves behind an approval: the event naming pathway and approver, and the status. */
export async function approve(
  app: FastifyInstance,
  caseId: string,
  supervisor: TestUser,
  pathway = { country: 'FR', pathway: 'asylum_visa' },
  reason = 'Consistent account; every document checked.',
): Promise<void> {
  await recordEvent(app.db, app.keyRing, {
    caseId,
    kind: 'referral_approved',
    actorId: supervisor.id,
    at: app.clock(),
    detail: pathway,
    text: reason,
  });
  await app.db.update(cases).set({ status: 'referred' }).where(eq(cases.id, caseId));
}

/** A GET whose body is kept as bytes (supertest leaves binary bodies unparsed otherwise). */
export function download(agent: Agent, url: string) {
  return agent
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

export function postForPdf(agent: Agent, url: string, form: string) {
  return agent
    .post(url)
    .type('form')
    .send(form)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

/** The text of each page, whitespace collapsed so that wrapped lines still match. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}
