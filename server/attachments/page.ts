// What the attachments page shows: each document entry with its scans, then the case as a whole. A scan
// appears under the document entry it was attached to while that entry keeps its type (scans.ts); if the
// entry was removed or changed, the scan is listed with the case as a whole and says so.

import type { Locale } from '../../db/schema';
import { attachmentKinds } from '../../db/schema';
import { labels } from '../../rules/labels';
import type { Translate } from '../i18n';
import { formatDay } from '../i18n/dates';
import type { ListedAttachment } from './repository';
import { type DocumentEntry, scanPlace } from './scans';

interface AttachmentView {
  id: string;
  href: string;
  thumbnailHref: string | undefined;
  isPdf: boolean;
  kindLabel: string;
  caption: string | undefined;
  pages: number;
  addedBy: string;
  removedNote: string;
  /** Set when the scan's document entry was removed or changed since. */
  orphanedFrom: string | undefined;
}

export interface AttachmentGroup {
  id: string;
  target: string;
  heading: string;
  hint: string | undefined;
  items: AttachmentView[];
}

export const MB = 1024 * 1024;
export const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

export const documentLabel = (type: string, locale: Locale) =>
  (labels[locale].documentTypes as Record<string, string>)[type] ?? type;

export function removedNote(removed: readonly string[], t: Translate): string {
  if (removed.length === 0) return t('att.add.removedNothing');
  const what = removed.map((r) => t(`att.removed.${r}` as Parameters<Translate>[0])).join(', ');
  return t('att.add.removed', { what });
}

export function attachmentGroups(
  caseId: string,
  documents: readonly DocumentEntry[],
  attachments: readonly ListedAttachment[],
  locale: Locale,
  t: Translate,
): AttachmentGroup[] {
  const base = `/cases/${caseId}/attachments`;
  const view = (a: ListedAttachment, orphaned: boolean): AttachmentView => ({
    id: a.id,
    href: `${base}/${a.id}`,
    thumbnailHref: a.hasThumbnail ? `${base}/${a.id}/thumbnail` : undefined,
    isPdf: a.mediaType === 'application/pdf',
    kindLabel: t(`att.kind.${a.kind}`),
    caption: a.caption,
    pages: a.pages,
    addedBy: t('att.addedBy', { name: a.addedByName ?? '—', date: formatDay(a.addedAt, locale) }),
    removedNote: removedNote(a.removed, t),
    orphanedFrom:
      orphaned && a.documentType
        ? t('att.fromRemovedEntry', { type: documentLabel(a.documentType, locale) })
        : undefined,
  });
  const placed = new Set<string>();
  const groups: AttachmentGroup[] = documents.map((doc, i) => {
    const mine = attachments.filter((a) => scanPlace(a, documents) === i);
    for (const a of mine) placed.add(a.id);
    return {
      id: `doc-${i}`,
      target: `doc-${doc.id}`,
      heading: t('att.document', { n: i + 1, type: documentLabel(doc.type, locale) }),
      hint: undefined,
      items: mine.map((a) => view(a, false)),
    };
  });
  groups.push({
    id: 'case',
    target: 'case',
    heading: t('att.caseWhole'),
    hint: t('att.caseWholeHint'),
    items: attachments.filter((a) => !placed.has(a.id)).map((a) => view(a, a.documentType !== null)),
  });
  return groups;
}

export const kindOptions = (t: Translate) =>
  attachmentKinds.map((k) => ({ value: k, label: t(`att.kind.${k}`) }));
