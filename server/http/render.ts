// Pages are Eta templates under views/pages, each placing itself in views/layout.eta. Every page gets the
// same context: the translation function, the date formatters (templates format no date), the user, the form token and the navigation for the user's role.
import { join } from 'node:path';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../auth/sessions';
import type { Config } from '../config';
import { datesFor } from '../i18n/dates';
import { issueOnceToken } from './once';

declare module 'fastify' {
  interface FastifyReply {
    render(template: string, data?: Record<string, unknown>, status?: number): Promise<FastifyReply>;
  }
}

export const viewsDir = join(import.meta.dirname, '../../views');

interface NavItem {
  href: string;
  label: string;
}

function navFor(request: FastifyRequest, user: SessionUser): NavItem[] {
  const { t } = request;
  const items: NavItem[] = [{ href: '/', label: t('nav.home') }];
  // Admins never see case contents (server/policy.ts): no way into the list or the queue.
  if (user.role !== 'admin') items.push({ href: '/cases', label: t('nav.cases') });
  if (user.role === 'supervisor') items.push({ href: '/review', label: t('nav.review') });
  if (user.role === 'admin') {
    items.push(
      { href: '/admin/users', label: t('nav.users') },
      { href: '/admin/audit', label: t('nav.audit') },
      { href: '/admin/security', label: t('nav.security') },
      { href: '/admin/organisation', label: t('nav.organisation') },
      { href: '/admin/reference-data', label: t('nav.referenceData') },
    );
  }
  items.push({ href: '/account', label: t('nav.account') });
  return items;
}

export async function renderPages(app: FastifyInstance, config: Config): Promise<void> {
  const eta = new Eta({ views: viewsDir, cache: config.env === 'production', autoTrim: false });
  await app.register(view, { engine: { eta }, root: viewsDir, production: config.env === 'production' });

  app.decorateReply('render', async function (template, data = {}, status) {
    const request = this.request;
    const html = await this.viewAsync(`pages/${template}.eta`, {
      t: request.t,
      locale: request.locale,
      dates: datesFor(request.locale),
      user: request.user,
      csrfToken: request.csrfToken,
      // A creating form's one-time token (views/partials/once.eta), fresh for each form on the page.
      onceToken: () => issueOnceToken(request.csrfToken),
      // This page is a repeat submission's answer: the form had already been sent (server/http/once.ts).
      resubmitted: (request.query as Record<string, unknown> | undefined)?.resubmitted === '1',
      orgName: config.orgName,
      currentPath: request.url.split('?')[0],
      // An unfinished sign-in (second factor or enrolment owed) shows no way into the app.
      nav: request.user && !request.session?.pending ? navFor(request, request.user) : [],
      signInNotice: request.session?.pending ? null : request.session?.notice,
      title: '',
      ...data,
    });
    if (status) this.code(status);
    return this.type('text/html; charset=utf-8').send(html);
  });
}
