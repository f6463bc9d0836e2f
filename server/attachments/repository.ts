// Attachments of a case: adding one (under the case's quota), listing, reading the sealed bytes back, and
// erasing. Every query names the case as well as the attachment, so an id from another case finds nothing.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import {
  type AttachmentKind,
  type AttachmentVariant,
  attachmentChunks,
  caseAttachments,
  cases,
  users,
} from '../../db/schema';
import { appendAudit } from '../audit';
import { loadCase, openRequestIds, reassess, withdrawOnChange } from '../cases/repository';
import { decryptOptional, encryptOptional, type KeyRing } from '../crypto/field-encryption';
import { type BlobStore, databaseBlobStore } from './blob-store';
import type { Cleaned } from './clean';
import { open, seal } from './sealed';

export type AttachmentRow = typeof caseAttachments.$inferSelect;

/** Which document entry a scan belongs to: its id and its type at that moment. */
interface DocumentSlot {
  id: string;
  type: string;
}

export interface NewAttachment {
  caseId: string;
  document: DocumentSlot | null;
  kind: AttachmentKind;
  caption: string | undefined;
  file: Cleaned;
  actorId: string;
  now: Date;
}

/**
 * After evidence is added or removed. A scan of a document counts in the rules (server/attachments/scans.ts):
 * the stored assessment follows. Any evidence changes the case a standing decision was made on: it is withdrawn.
 */
async function afterEvidenceChange(
  tx: Tx,
  ring: KeyRing,
  input: { caseId: string; scan: boolean; actorId: string; now: Date },
) {
  const { caseId, actorId, now } = input;
  const current = await loadCase(tx, ring, caseId);
  if (!current) return;
  const assessment = input.scan
    ? await reassess(tx, ring, current, (await openRequestIds(tx, caseId)).length, now, actorId)
    : null;
  await withdrawOnChange(tx, ring, {
    caseId,
    parts: current.parts,
    assessment,
    actorId,
    now,
    evidence: true,
  });
}

export type AddResult = { ok: true; id: string } | { ok: false; reason: 'caseFull'; usedBytes: number };

const captionContext = (id: string) => ({ table: 'case_attachments', column: 'caption', row: id });

/** The stored bytes a case holds: what its quota counts. */
export async function usedBytes(db: Db, caseId: string): Promise<number> {
  const [row] = await db
    .select({ used: sql<string>`coalesce(sum(${caseAttachments.byteSize}), 0)` })
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId));
  return Number(row?.used ?? 0);
}

export async function addAttachment(
  db: Db,
  ring: KeyRing,
  caseLimitBytes: number,
  input: NewAttachment,
  blobs: (tx: Tx) => BlobStore = databaseBlobStore,
): Promise<AddResult> {
  const id = randomUUID();
  const { file, caseId } = input;
  const result = await db.transaction(async (tx): Promise<AddResult> => {
    // The case row's lock makes two uploads to one case count one after the other: the quota holds.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    const [row] = await tx
      .select({ used: sql<string>`coalesce(sum(${caseAttachments.byteSize}), 0)` })
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, caseId));
    const used = Number(row?.used ?? 0);
    if (used + file.bytes.length > caseLimitBytes) return { ok: false, reason: 'caseFull', usedBytes: used };
    await tx.insert(caseAttachments).values({
      id,
      caseId,
      documentId: input.document?.id ?? null,
      documentType: input.document?.type ?? null,
      kind: input.kind,
      captionEnc: encryptOptional(ring, captionContext(id), input.caption),
      mediaType: file.mediaType,
      byteSize: file.bytes.length,
      pages: file.pages,
      width: file.width,
      height: file.height,
      hasThumbnail: file.thumbnail !== undefined,
      removed: file.removed,
      addedBy: input.actorId,
      addedAt: input.now,
    });
    const store = blobs(tx);
    await store.put(
      { caseId, attachmentId: id, variant: 'file' },
      seal(ring, { caseId, attachmentId: id, variant: 'file' }, file.bytes),
    );
    if (file.thumbnail) {
      const key = { caseId, attachmentId: id, variant: 'thumbnail' as const };
      await store.put(key, seal(ring, key, file.thumbnail));
    }
    await appendAudit(tx, {
      actorId: input.actorId,
      action: 'attachment.added',
      targetType: 'case',
      targetId: caseId,
      detail: {
        attachmentId: id,
        mediaType: file.mediaType,
        bytes: file.bytes.length,
        removed: file.removed,
      },
      at: input.now,
    });
    await afterEvidenceChange(tx, ring, {
      caseId,
      scan: input.document !== null,
      actorId: input.actorId,
      now: input.now,
    });
    return { ok: true, id };
  });
  return result;
}

export interface ListedAttachment extends AttachmentRow {
  caption: string | undefined;
  addedByName: string | null;
}

export async function listAttachments(db: Db, ring: KeyRing, caseId: string): Promise<ListedAttachment[]> {
  const rows = await db
    .select({ row: caseAttachments, addedByName: users.displayName })
    .from(caseAttachments)
    .leftJoin(users, eq(users.id, caseAttachments.addedBy))
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(asc(caseAttachments.addedAt), asc(caseAttachments.id));
  return rows.map(({ row, addedByName }) => ({
    ...row,
    caption: decryptOptional(ring, captionContext(row.id), row.captionEnc),
    addedByName,
  }));
}

export async function findAttachment(db: Db, caseId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, id), eq(caseAttachments.caseId, caseId)));
  return row;
}

export async function readAttachment(
  db: Db,
  ring: KeyRing,
  row: AttachmentRow,
  variant: AttachmentVariant,
  store: BlobStore = databaseBlobStore(db),
): Promise<Buffer> {
  const key = { caseId: row.caseId, attachmentId: row.id, variant };
  return open(ring, key, await store.get(key));
}

/**
 * Deletes the attachment and its bytes, then vacuums the chunk table so the deleted rows' space is pruned
 * rather than left for later (copies in earlier backups stay sealed with the key; see the README).
 */
export async function eraseAttachment(
  db: Db,
  ring: KeyRing,
  row: AttachmentRow,
  audit: { actorId: string; now: Date },
  store: (tx: Tx) => BlobStore = databaseBlobStore,
): Promise<void> {
  await db.transaction(async (tx) => {
    await store(tx).erase(row.id);
    await tx
      .delete(caseAttachments)
      .where(and(eq(caseAttachments.id, row.id), eq(caseAttachments.caseId, row.caseId)));
    await appendAudit(tx, {
      actorId: audit.actorId,
      action: 'attachment.removed',
      targetType: 'case',
      targetId: row.caseId,
      detail: { attachmentId: row.id },
      at: audit.now,
    });
    await afterEvidenceChange(tx, ring, {
      caseId: row.caseId,
      scan: row.documentId !== null,
      actorId: audit.actorId,
      now: audit.now,
    });
  });
  await db.execute(sql`vacuum ${attachmentChunks}`);
}
