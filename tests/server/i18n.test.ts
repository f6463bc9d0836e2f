import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues, localeFromHeader, translator } from '../../server/i18n';
import { addUser, anonymous, signIn, type TestApp, testApp } from '../helpers/app';

describe('translation catalogues', () => {
  it('English and Russian have exactly the same keys, none empty', () => {
    expect(Object.keys(catalogues.ru).sort()).toEqual(Object.keys(catalogues.en).sort());
    for (const catalogue of Object.values(catalogues)) {
      for (const text of Object.values(catalogue)) expect(text.trim()).not.toBe('');
    }
  });

  it('every literal key used in a template exists', () => {
    const dir = join(import.meta.dirname, '../../views');
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.eta'));
    for (const file of files) {
      for (const [, key] of readFileSync(join(dir, file), 'utf8').matchAll(/it\.t\('([\w.]+)'\s*[,)]/g)) {
        expect(catalogues.en, `${file}: ${key}`).toHaveProperty([key!]);
      }
    }
  });

  it('fills in parameters', () => {
    expect(translator('ru')('home.welcome', { name: 'Анна' })).toBe('Здравствуйте, Анна');
  });

  it('picks the browser language when the user has chosen none', () => {
    expect(localeFromHeader('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(localeFromHeader('de-DE,en;q=0.5')).toBe('en');
    expect(localeFromHeader(undefined)).toBe('en');
  });
});

describe('choosing a language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('a signed-out visitor switches the sign-in page to Russian', async () => {
    const { agent, csrf } = await anonymous(t.app);
    await agent.post('/language').type('form').send({ _csrf: csrf, locale: 'ru', next: '/sign-in' });
    const page = await agent.get('/sign-in');
    expect(page.text).toContain('<html lang="ru">');
    expect(page.text).toContain('Войти');
  });

  it("a user's choice is kept with their account", async () => {
    const user = await addUser(t.app, 'admin');
    const first = await signIn(t.app, user);
    await first.agent.post('/language').type('form').send({ _csrf: first.csrf, locale: 'ru', next: '/' });
    const again = await signIn(t.app, user); // a new browser
    const page = await again.agent.get('/admin/users');
    expect(page.text).toContain('Пользователи');
    expect(page.text).not.toContain('Add a user');
  });

  it('a language picked on the sign-in page stays after signing in, and with the account', async () => {
    const user = await addUser(t.app, 'admin');
    const { agent, csrf } = await anonymous(t.app);
    await agent.post('/language').type('form').send({ _csrf: csrf, locale: 'ru', next: '/sign-in' });
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password });
    expect((await agent.get('/admin/users')).text).toContain('<html lang="ru">');
    const elsewhere = await signIn(t.app, user); // another browser, no cookie
    expect((await elsewhere.agent.get('/admin/users')).text).toContain('<html lang="ru">');
  });
});
