// Importing a "case with attachments": the case file through the same import as a JSON case file
// (importCase: whatever it does with the decisions a file carries, it does here too), then each file of the
// zip through the same cleaning and sealed storage as an upload. All of it or nothing: if any file is
// refused, the case just imported is deleted again with everything stored under it, and the history says so.
import type { Db } from '../../db/client';
import type { CaseFile } from '../../rules/case-schema';
import { appendAudit } from '../audit';
import type { CaseRepository } from '../cases/repository';
import { cleanUpload, type Refusal } from './clean';
import { inflateEntry, type ManifestEntry } from './import-zip';
import type { AttachmentRepository } from './repository';

interface ImportDeps {
  db: Db;
  cases: CaseRepository;
  attachments: AttachmentRepository;
  clock: () => Date;
}

export type FileRefusal = { file: string; reason: Refusal | 'caseFull' };

type Imported = { ok: true; id: string; attachments: number } | { ok: false; refused: FileRefusal[] };

/** The document entry a scan belongs to, if the case file still has that entry with that type. */
function slotOf(entry: ManifestEntry, documents: readonly { id: string; type: string }[]) {
  const d = entry.document;
  const doc = d ? documents[d.index] : undefined;
  return d && doc?.type === d.type ? { id: doc.id, type: d.type } : null;
}

async function undo(deps: ImportDeps, id: string, actorId: string, refused: FileRefusal[]) {
  await deps.cases.removeImported(id, actorId, { format: 'zip', refused: refused.map((r) => r.reason) });
  await deps.attachments.reclaimSpace();
}

export async function importWithAttachments(
  deps: ImportDeps,
  zip: Uint8Array,
  file: CaseFile,
  entries: readonly ManifestEntry[],
  actorId: string,
): Promise<Imported> {
  const { id } = await deps.cases.importFile(file, { assignedTo: actorId, actorId });
  // The imported entries have ids of this installation; the manifest names them by their place in the file.
  const documents = (await deps.cases.load(id))?.parts.documents ?? [];
  const refused: FileRefusal[] = [];
  try {
    for (const entry of entries) {
      // Every file is judged (so that all refusals are listed at once); none is stored after a refusal.
      const cleaned = await cleanUpload(inflateEntry(zip, entry.file));
      if (!cleaned.ok) refused.push({ file: entry.file, reason: cleaned.reason });
      if (!cleaned.ok || refused.length > 0) continue;
      const added = await deps.attachments.add({
        caseId: id,
        document: slotOf(entry, documents),
        kind: entry.kind,
        caption: entry.caption ?? undefined,
        file: cleaned.file,
        actorId,
      });
      if (!added.ok) refused.push({ file: entry.file, reason: 'caseFull' });
    }
  } catch (error) {
    await undo(deps, id, actorId, refused);
    throw error;
  }
  if (refused.length > 0) {
    await undo(deps, id, actorId, refused);
    return { ok: false, refused };
  }
  await appendAudit(deps.db, {
    actorId,
    action: 'case.import_attachments',
    targetType: 'case',
    targetId: id,
    detail: { format: 'zip', attachments: entries.length },
    at: deps.clock(),
  });
  return { ok: true, id, attachments: entries.length };
}
