// List entries by their stable ids: a form, a URL or a removal names an entry by id, and its place in the
// list is only its order. Every change is applied to the list as it is saved now, so an entry edited,
// removed or moved in another tab meanwhile is neither overwritten nor resurrected. Pure: no I/O.
import { createHash } from 'node:crypto';

export interface Entry {
  id: string;
}

export const isEntryId = (raw: unknown): raw is string =>
  typeof raw === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(raw);

export const findEntry = <T extends Entry>(list: readonly T[], id: string): T | undefined =>
  list.find((e) => e.id === id);

/** The list with entry `id` replaced (keeping its place and id); null when nobody has that entry now. */
export function replaceEntry<T extends Entry>(list: readonly T[], id: string, value: T): T[] | null {
  const at = list.findIndex((e) => e.id === id);
  if (at < 0) return null;
  return list.map((e, i) => (i === at ? { ...value, id } : e));
}

/** The list without entry `id`; null when it is gone already. */
export function removeEntry<T extends Entry>(list: readonly T[], id: string): T[] | null {
  return list.some((e) => e.id === id) ? list.filter((e) => e.id !== id) : null;
}

/**
 * Entry `id` swapped with the next entry up or down of its group (an application among those of its
 * destination; every entry when there are no groups); unchanged at either end, null when it is gone.
 */
export function moveEntry<T extends Entry>(
  list: readonly T[],
  id: string,
  direction: 'up' | 'down',
  group: (entry: T) => unknown = () => null,
): T[] | null {
  const at = list.findIndex((e) => e.id === id);
  if (at < 0) return null;
  const step = direction === 'up' ? -1 : 1;
  let to = at + step;
  while (to >= 0 && to < list.length && group(list[to]!) !== group(list[at]!)) to += step;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[at], out[to]] = [out[to]!, out[at]!];
  return out;
}

/**
 * The id of an entry stored before entries kept theirs (dependants inside the encrypted person record):
 * derived from the case, the list and the place it was read at, so every tab reading the same stored list
 * sees the same ids, and the first save stores them for good.
 */
export function legacyEntryId(caseId: string, list: string, index: number): string {
  const h = createHash('sha256').update(`${caseId}\0${list}\0${index}`).digest('hex');
  // Laid out as a version 8 (custom) UUID with the RFC 9562 variant.
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
