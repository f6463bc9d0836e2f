// The attachment repository, decorated as `app.attachments`: the one front door to a case's attachments
// (adding one under the case's quota, listing, reading the sealed bytes back, erasing). Every query names the
// case as well as the attachment, so an id from another case finds nothing. What the case tables must do when
// evidence changes is the case repository's (cases/repository/evidence.ts).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db, Tx } from '../../db/client';
import {
  type AttachmentKind,
  type AttachmentVariant,
  attachmentChunks,
  caseAttachments,
  users,
} from '../../db/schema';
import { appendAudit } from '../audit';
import { evidenceChanged, lockCase } from '../cases/repository';
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

interface NewAttachment {
  caseId: string;
  document: DocumentSlot | null;
  kind: AttachmentKind;
  caption: string | undefined;
  file: Cleaned;
  actorId: string;
  now: Date;
}

export type AddResult = { ok: true; id: string } | { ok: false; reason: 'caseFull'; usedBytes: number };

const captionContext = (id: string) => ({ table: 'case_attachments', column: 'caption', row: id });

/** The stored bytes a case holds: what its quota counts. */
async function usedBytes(db: Db, caseId: string): Promise<number> {
  const [row] = await db
    .select({ used: sql<string>`coalesce(sum(${caseAttachments.byteSize}), 0)` })
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId));
  return Number(row?.used ?? 0);
}

async function addAttachment(
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
    await lockCase(tx, caseId);
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
    await evidenceChanged(tx, ring, {
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

async function listAttachments(db: Db, ring: KeyRing, caseId: string): Promise<ListedAttachment[]> {
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

async function findAttachment(db: Db, caseId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, id), eq(caseAttachments.caseId, caseId)));
  return row;
}

async function readAttachment(
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
async function eraseAttachment(
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
    await evidenceChanged(tx, ring, {
      caseId: row.caseId,
      scan: row.documentId !== null,
      actorId: audit.actorId,
      now: audit.now,
    });
  });
  await reclaimSpace(db);
}

async function reclaimSpace(db: Db): Promise<void> {
  await db.execute(sql`vacuum ${attachmentChunks}`);
}

export class AttachmentRepository {
  constructor(
    private readonly db: Db,
    private readonly ring: KeyRing,
    private readonly clock: () => Date,
    /** The most a case may hold, in bytes (ATTACHMENT_MAX_CASE_MB). */
    readonly caseBytes: number,
  ) {}

  /** Adds a cleaned file to the case, unless it would take the case over its quota. */
  add(input: Omit<NewAttachment, 'now'>): Promise<AddResult> {
    return addAttachment(this.db, this.ring, this.caseBytes, { ...input, now: this.clock() });
  }

  /** The case's attachments, oldest first, their captions decrypted. */
  list(caseId: string): Promise<ListedAttachment[]> {
    return listAttachments(this.db, this.ring, caseId);
  }

  /** The attachment, if it belongs to this case. */
  find(caseId: string, id: string): Promise<AttachmentRow | undefined> {
    return findAttachment(this.db, caseId, id);
  }

  /** The stored bytes of the file or its thumbnail, decrypted. */
  read(row: AttachmentRow, variant: AttachmentVariant): Promise<Buffer> {
    return readAttachment(this.db, this.ring, row, variant);
  }

  /** Removes the attachment and erases its bytes, on the record. */
  erase(row: AttachmentRow, actorId: string): Promise<void> {
    return eraseAttachment(this.db, this.ring, row, { actorId, now: this.clock() });
  }

  /** The stored bytes the case holds: what its quota counts. */
  usedBytes(caseId: string): Promise<number> {
    return usedBytes(this.db, caseId);
  }

  /** Prunes the space of deleted bytes now rather than later (after a case with attachments was taken away). */
  reclaimSpace(): Promise<void> {
    return reclaimSpace(this.db);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The attachment repository: every read and write of a case's scans and evidence goes through it. */
    attachments: AttachmentRepository;
  }
}

export const attachmentRepository = fp(
  async (app: FastifyInstance) => {
    app.decorate(
      'attachments',
      new AttachmentRepository(app.db, app.keyRing, app.clock, app.config.attachmentLimits.caseBytes),
    );
  },
  { name: 'attachment-repository' },
);
