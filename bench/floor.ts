// The database floor for the load bench: the least a page that reads the database can cost here. One
// Fastify route reads one case row by primary key through postgres.js and renders it with Eta inside the
// app's own layout (views/layout.eta), in its own process. No session, access check, decryption or rules:
// every app page does at least this much, so a scenario's throughput is judged against it.
import { Eta } from 'eta';
import Fastify from 'fastify';
import postgres from 'postgres';
import { viewsDir } from '../server/http/render';
import { translator } from '../server/i18n';

const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
const eta = new Eta({ views: viewsDir, cache: true, autoTrim: false });
const page = `<% layout('layout', it) %>
<h1><%= it.row.pseudonym %></h1>
<dl><dt>Reference</dt><dd><%= it.row.reference %></dd><dt>Status</dt><dd><%= it.row.status %></dd></dl>
`;
const t = translator('en');
const user = { displayName: 'Floor', role: 'caseworker' };

const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/cases/:id', async (request, reply) => {
  const [row] = await sql`select reference, pseudonym, status from cases where id = ${request.params.id}`;
  if (!row) return reply.code(404).send();
  const html = eta.renderString(page, {
    t,
    locale: 'en',
    user,
    csrfToken: 'x',
    orgName: 'Waypost',
    currentPath: request.url,
    nav: [{ href: '/cases', label: t('nav.cases') }],
    title: row.pseudonym,
    row,
  });
  return reply.type('text/html; charset=utf-8').send(html);
});
await app.listen({ port: Number(process.env.PORT ?? 3902), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => sql.end({ timeout: 5 }).then(() => process.exit(0))));
