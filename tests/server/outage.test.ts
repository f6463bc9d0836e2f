// A database outage: the server stopped (connections refused) or frozen (connections open, nothing comes
// back). Requests must answer 503 quickly with a calm page that keeps the submitted form, and log one line.
// PostgreSQL only: the app reaches it through a TCP relay this test can cut or freeze.
import { createServer, type Server, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, anonymous, signIn, type TestApp, testApp } from '../helpers/app';

class Relay {
  mode: 'pass' | 'freeze' = 'pass';
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: URL) {}

  async listen(): Promise<void> {
    this.server = createServer((client) => {
      this.sockets.add(client);
      const upstream = new Socket();
      this.sockets.add(upstream);
      upstream.connect(Number(this.target.port || 5432), this.target.hostname);
      // Frozen: bytes are swallowed in both directions, and the connections stay open.
      client.on('data', (chunk) => this.mode === 'pass' && upstream.write(chunk));
      upstream.on('data', (chunk) => this.mode === 'pass' && client.write(chunk));
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        a.on('close', () => b.destroy());
        a.on('error', () => b.destroy());
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address && typeof address === 'object') this.port = address.port;
  }

  /** The server is gone: open connections drop, new ones are refused. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise((resolve) => this.server!.close(resolve));
  }
}

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('a database outage', () => {
  let t: TestApp;
  let relay: Relay;
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    // The test's own database, reached through the relay.
    const direct = await testApp();
    const url = new URL(direct.config.databaseUrl!);
    await direct.app.close();
    relay = new Relay(new URL(url));
    await relay.listen();
    url.host = `127.0.0.1:${relay.port}`;
    t = await testApp({
      env: {
        DATABASE_URL: url.toString(),
        WAYPOST_ENCRYPTION_KEY: direct.config.encryptionKey!,
        WAYPOST_AUDIT_KEY: direct.config.auditKey!,
        ...(direct.config.migrationUrl ? { DATABASE_MIGRATION_URL: direct.config.migrationUrl } : {}),
        DATABASE_CONNECT_TIMEOUT: '1',
        DATABASE_STATEMENT_TIMEOUT: '1000',
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
      },
      logStream: new Writable({
        write(chunk, _enc, done) {
          logLines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    });
  });
  afterAll(async () => {
    await t.close().catch(() => {});
  });

  it('when the server is stopped: 503 within seconds, the form kept, one log line', async () => {
    const user = await addUser(t.app, 'caseworker');
    const { agent, csrf } = await signIn(t.app, user);
    await relay.stop();
    logLines.length = 0;
    const started = Date.now();
    const res = await agent
      .post('/cases')
      .type('form')
      .send({ _csrf: csrf, pseudonym: 'Heron at the border', 'citizenships[0]': 'RU' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.status).toBe(503);
    expect(res.text).toContain('Temporarily unavailable');
    expect(res.text).toContain('nothing you typed is lost'.replace(/^n/, 'N'));
    expect(res.text).toContain('value="Heron at the border"');
    expect(res.text).toMatch(/<form method="post" action="\/cases">/);
    const about = logLines.filter((l) => String(l.msg).includes('database unavailable'));
    expect(about).toHaveLength(1);
    expect(JSON.stringify(logLines)).not.toContain('Heron');
    expect((await agent.get('/healthz')).status).toBe(503);
    await relay.listen();
  });

  it('when the server is frozen: 503 by the deadline instead of hanging', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the pool reconnects through the relay
    const { agent, csrf } = await anonymous(t.app);
    relay.mode = 'freeze';
    const started = Date.now();
    const sign = await Promise.resolve(
      agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrf, email: 'heron@example.org', password: 'plenty of words for a password' }),
    ).finally(() => {
      relay.mode = 'pass';
    });
    expect(sign.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sign.text).toContain('value="heron@example.org"');
    expect(sign.text).not.toContain('plenty of words');
    relay.mode = 'pass';
  });
});
