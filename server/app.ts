// Builds the Waypost app from a configuration. It never listens: server/main.ts does, and the tests build
// this same app and talk to it in process.
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Database, type Db, openDatabase } from '../db/client';
import { attachmentRepository } from './attachments/repository';
import { AuditWriter } from './audit/writer';
import { caseRepository, encryptLegacyPlaintext } from './cases/repository';
import { type Config, databaseOptions } from './config';
import type { KeyRing } from './crypto/field-encryption';
import { openKeyRings } from './crypto/key-check';
import { errorPages } from './http/errors';
import { guard } from './http/guard';
import { bodyLimits, strictBodies } from './http/input';
import { loggerOptions } from './http/logging';
import { submitOnce } from './http/once';
import { outages } from './http/outage';
import { renderPages } from './http/render';
import { requestContext } from './http/request-context';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { type RegisteredRoute, requireRoutePolicies } from './policy';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { adminSecurityRoutes } from './routes/admin-security';
import { attachmentRoutes } from './routes/attachments';
import { attachmentExportRoutes } from './routes/attachments-export';
import { attachmentImportRoutes } from './routes/attachments-import';
import { authRoutes } from './routes/auth';
import { casePageRoutes } from './routes/case/case-page';
import { caseListEntryRoutes } from './routes/case/list-entries';
import { caseListRemovalRoutes } from './routes/case/list-removal';
import { newCaseRoutes } from './routes/case/new-case';
import { caseSectionRoutes } from './routes/case/sections';
import { caseListRoutes } from './routes/case-list';
import { caseScoped } from './routes/case-scope';
import { caseExportRoutes, caseTransferRoutes } from './routes/case-transfer';
import { caseConfirmationRoutes } from './routes/decisions';
import { homeRoutes } from './routes/home';
import { organisationRoutes } from './routes/organisation';
import { referenceDataRoutes } from './routes/reference-data';
import { caseDecisionRoutes, reviewRoutes } from './routes/review';
import { caseSummaryRoutes, summaryGroupRoutes } from './routes/summary';
import { twoFactorRoutes } from './routes/two-factor';
import { twoFactorSignInRoutes } from './routes/two-factor-sign-in';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Db;
    /** The time now; tests pass a clock they can move. */
    clock: () => Date;
    /** Keys for the identifying fields of cases. */
    keyRing: KeyRing;
    /** Keys of the audit chain (HMAC) and of its signed checkpoints. */
    auditKeys: KeyRing;
    /** Every route with its access policy, as registered. */
    routePolicies: RegisteredRoute[];
  }
}

export interface AppOptions {
  config: Config;
  clock?: () => Date;
  /** Where log lines go (standard output by default); tests read them. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp({
  config,
  clock = () => new Date(),
  logStream,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config), ...(logStream ? { stream: logStream } : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: bodyLimits.jsonBytes,
  });
  const database = await openDatabase(databaseOptions(config));
  let keys: Awaited<ReturnType<typeof openKeyRings>>;
  try {
    keys = await openKeyRings(config, database.db);
    const encrypted = await encryptLegacyPlaintext(database.db, keys.data);
    if (encrypted > 0)
      app.log.info({ encrypted }, 'encrypted case values an older version kept in plaintext');
  } catch (error) {
    await database.close();
    throw error;
  }
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('clock', clock);
  app.decorate('keyRing', keys.data);
  app.decorate('auditKeys', keys.audit);
  app.decorate('routePolicies', [] as RegisteredRoute[]);
  const auditWriter = new AuditWriter({
    db: database.db,
    ring: keys.audit,
    checkpointDir: config.checkpointDir,
    clock,
    log: app.log,
  });
  auditWriter.start();
  app.addHook('onClose', async () => {
    await auditWriter.stop();
    await database.close();
  });

  await app.register(caseRepository);
  await app.register(attachmentRepository);
  requireRoutePolicies(app, app.routePolicies);
  strictBodies(app);
  await app.register(cookie);
  await renderPages(app, config);
  securityHeaders(app, config);
  outages(app, config);
  requestContext(app, config);
  guard(app);
  submitOnce(app);
  errorPages(app);

  staticFiles(app, ['app.css', 'summary.css', 'forms.js', 'webauthn.js', 'copy.js', 'attachments.js']);
  await app.register(homeRoutes);
  await app.register(authRoutes);
  await app.register(accountRoutes);
  await app.register(adminRoutes);
  await app.register(twoFactorSignInRoutes);
  await app.register(twoFactorRoutes);
  await app.register(adminSecurityRoutes);
  await app.register(organisationRoutes);
  await app.register(caseListRoutes);
  await app.register(newCaseRoutes);
  await app.register(
    caseScoped(
      casePageRoutes,
      caseSectionRoutes,
      caseListEntryRoutes,
      caseListRemovalRoutes,
      caseDecisionRoutes,
      caseConfirmationRoutes,
      caseSummaryRoutes,
      caseExportRoutes,
      attachmentRoutes,
      attachmentExportRoutes,
    ),
  );
  await app.register(reviewRoutes);
  await app.register(caseTransferRoutes);
  await app.register(summaryGroupRoutes);
  await app.register(referenceDataRoutes);
  await app.register(attachmentImportRoutes);
  return app;
}
