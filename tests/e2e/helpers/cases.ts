// Cases put in place for a walk that is about something else (the export, the Russian pages): imported and
// decided through the same functions the routes call, so the walk starts where the review walk ends.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { cases } from '../../../db/schema';
import type { CaseFile } from '../../../rules/case-schema';
import { type Decision, decide, importCase } from '../../../server/cases/repository';
import type { Account, RunningApp } from './app';

export async function importAs(running: RunningApp, holder: Account, file: CaseFile): Promise<string> {
  const { app } = running;
  const { id } = await importCase(app.db, app.keyRing, file, {
    assignedTo: holder.id,
    actorId: holder.id,
    now: app.clock(),
  });
  return id;
}

export async function decideAs(
  running: RunningApp,
  caseId: string,
  who: Account & { role: 'caseworker' | 'supervisor' },
  decision: Decision,
): Promise<void> {
  const { app } = running;
  const [row] = await app.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
  const result = await decide(app.db, app.keyRing, {
    caseId,
    user: { id: who.id, role: who.role },
    expectedVersion: row!.version,
    decision,
    now: app.clock(),
  });
  expect(result).toEqual({ ok: true });
}
