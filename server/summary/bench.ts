/**
 * npm run bench:summary [-- --out FILE.pdf] [--locale ru] [--profile full|partner|minimal]: builds the app on a
 * throw-away embedded database, imports the anton fixture, records its review (a flag cleared with a written
 * reason, the referral approved by a supervisor), then times one whole summary export: loading and
 * decrypting the case, the review record, the assessment, the model and the PDF. Target: under 300 ms.
 * With --out, it also writes that PDF, to look at (pdftoppm -png FILE.pdf page).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { parseCaseFile } from '../../rules/parse';
import { buildApp } from '../app';
import { importCase, recordEvent } from '../cases/repository';
import { getConfig } from '../config';
import { newKey } from '../crypto/field-encryption';
import { createUser } from '../users';
import { summaryPdf } from './pdf';
import { profileSchema } from './profiles';
import { summaryOf } from './service';

const RUNS = 50;
const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    locale: { type: 'string', default: 'en' },
    profile: { type: 'string', default: 'partner' },
  },
});
const locale = args.locale === 'ru' ? 'ru' : 'en';
const profile = profileSchema.parse(args.profile);

const dataDir = mkdtempSync(join(tmpdir(), 'waypost-bench-'));
const app = await buildApp({
  config: getConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    WAYPOST_ENCRYPTION_KEY: newKey(),
    WAYPOST_AUDIT_KEY: newKey(),
    WAYPOST_KEY_DIR: dataDir,
    ORG_NAME: 'Waypost',
  }),
});
try {
  const now = app.clock();
  const caseworker = await createUser(app.db, {
    email: 'caseworker@example.org',
    displayName: 'Anna Petrova',
    role: 'caseworker',
    now,
  });
  const supervisor = await createUser(app.db, {
    email: 'supervisor@example.org',
    displayName: 'Marie Dubois',
    role: 'supervisor',
    now,
  });
  const raw = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../shared/fixtures/anton.case.json'), 'utf8'),
  );
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) throw new Error('the anton fixture does not parse');
  const { id } = await importCase(app.db, app.keyRing, parsed.value, {
    assignedTo: caseworker.id,
    actorId: caseworker.id,
    now,
  });
  await recordEvent(app.db, app.keyRing, {
    caseId: id,
    kind: 'flag_cleared',
    actorId: supervisor.id,
    at: now,
    detail: { flagId: 'WANTED_TRAVEL_RISK' },
    text: 'He stays where he is until the consulate route is open; it needs no travel through CIS airports.',
  });
  await recordEvent(app.db, app.keyRing, {
    caseId: id,
    kind: 'referral_approved',
    actorId: supervisor.id,
    at: now,
    detail: { country: 'FR', pathway: 'asylum_visa' },
    text: 'Service, desertion and the criminal case are documented and consistent; support role, no flag left open.',
  });
  await app.db.update(cases).set({ status: 'referred' }).where(eq(cases.id, id));

  const reader = { user: { ...caseworker, locale }, locale } as const;
  const deps = { cases: app.cases, db: app.db, clock: app.clock, orgName: app.config.orgName };
  const visible = await app.cases.load(id);
  if (!visible) throw new Error('the seeded case is missing');
  const once = async () => {
    const loaded = await summaryOf(deps, visible, profile, reader);
    if (!loaded.ok) throw new Error(`no summary: ${loaded.reason}`);
    return summaryPdf(loaded.summary, { title: 'bench', author: 'Waypost', now, lang: locale });
  };
  const first = performance.now();
  const pdf = await once();
  const cold = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(
    `summary export (anton, ${profile}, ${locale}), ${RUNS} runs: median ${at(0.5)} ms, p95 ${at(0.95)} ms, ` +
      `max ${at(1)} ms; first run ${cold.toFixed(1)} ms; ${pdf.length} bytes`,
  );
  if (args.out) writeFileSync(args.out, pdf);
  process.exitCode = Number(at(0.95)) < 300 ? 0 : 1;
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
