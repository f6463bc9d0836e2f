import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, envVariables, getConfig } from '../../server/config';

describe('configuration from the environment', () => {
  it('defaults to a local install that is not exposed to the network', () => {
    const config = getConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
    });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'production', PUBLIC_URL: 'http://waypost.example.org' }, 'PUBLIC_URL'],
  ])('stops with one line naming the bad variable: %o', (env, variable) => {
    expect(() => getConfig(env)).toThrow(ConfigError);
    expect(() => getConfig(env)).toThrow(new RegExp(`^Invalid environment variable ${variable}: [^\\n]+$`));
  });

  it('uses PostgreSQL when DATABASE_URL is set, and Secure cookies behind https', () => {
    const config = getConfig({
      DATABASE_URL: 'postgres://u@db:5432/w',
      PUBLIC_URL: 'https://w.example.org/',
    });
    expect(config.databaseUrl).toBe('postgres://u@db:5432/w');
    expect(config.publicUrl).toBe('https://w.example.org');
    expect(config.secureCookies).toBe(true);
  });

  it('starts one worker per core on PostgreSQL, one on PGlite, or as many as WEB_CONCURRENCY says', () => {
    const db = { DATABASE_URL: 'postgres://u@db:5432/w' };
    expect(getConfig(db).workers).toBe(availableParallelism());
    expect(getConfig({}).workers).toBe(1);
    expect(getConfig({ ...db, WEB_CONCURRENCY: '3' }).workers).toBe(3);
    expect(getConfig({ WEB_CONCURRENCY: '1' }).workers).toBe(1);
    for (const bad of [
      { ...db, WEB_CONCURRENCY: '0' },
      { ...db, WEB_CONCURRENCY: 'many' },
      { WEB_CONCURRENCY: '2' },
    ]) {
      expect(() => getConfig(bad)).toThrow(/^Invalid environment variable WEB_CONCURRENCY: /);
    }
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(envVariables));
  });
});
