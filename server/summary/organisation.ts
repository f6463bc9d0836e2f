// The organisation as its summaries present it: the letterhead (name, address, contact) and the role printed
// under the approving supervisor's name. An admin sets them on /admin/organisation; every change is audited
// with the names of the fields changed, never their values.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { organisationSettings } from '../../db/schema';
import { appendAudit } from '../audit';

const line = (max: number) => z.string().trim().max(max, { error: 'organisation.tooLong' });

/** The settings form: names its limits so the page can say them before they bite. */
export const organisationLimits = { name: 120, address: 300, contact: 200, signatoryRole: 80 } as const;
export const organisationSchema = z.strictObject({
  name: line(organisationLimits.name).min(1, { error: 'organisation.nameRequired' }),
  address: line(organisationLimits.address),
  contact: line(organisationLimits.contact),
  signatoryRole: line(organisationLimits.signatoryRole),
});
export type Organisation = z.infer<typeof organisationSchema>;

/** The settings an admin saved; before any, the name from ORG_NAME and nothing else. */
export async function readOrganisation(db: Db, defaultName: string): Promise<Organisation> {
  const [row] = await db.select().from(organisationSettings).where(eq(organisationSettings.id, 1));
  if (!row) return { name: defaultName, address: '', contact: '', signatoryRole: '' };
  return { name: row.name, address: row.address, contact: row.contact, signatoryRole: row.signatoryRole };
}

export async function saveOrganisation(
  db: Db,
  next: Organisation,
  by: { actorId: string; defaultName: string; at: Date },
): Promise<void> {
  const before = await readOrganisation(db, by.defaultName);
  const changed = (Object.keys(next) as (keyof Organisation)[]).filter((k) => next[k] !== before[k]);
  if (changed.length === 0) return;
  await db.transaction(async (tx) => {
    const values = { ...next, updatedBy: by.actorId, updatedAt: by.at };
    await tx
      .insert(organisationSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: organisationSettings.id, set: values });
    await appendAudit(tx, {
      actorId: by.actorId,
      action: 'organisation.updated',
      targetType: 'organisation',
      detail: { fields: changed },
      at: by.at,
    });
  });
}
