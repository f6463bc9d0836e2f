// The ceiling for the load bench: a bare Fastify route returning a small HTML page, run as its own process
// on the same machine as the app. Nothing here touches a database, a template or a cookie, so it shows what
// Node and Fastify alone can serve under the same load tool.
import Fastify from 'fastify';

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ceiling</title></head>
<body><main><h1>Ceiling</h1><p>A small page served by a bare Fastify route.</p></main></body></html>
`;

const app = Fastify({ logger: false });
app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
await app.listen({ port: Number(process.env.PORT ?? 3901), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
