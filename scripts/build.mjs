// Builds the JavaScript that production runs (`npm start`, the Dockerfile) into dist/, one file per source
// file in the same layout, so paths the code takes from its own location (views, migrations, the common
// password list) resolve inside dist/ as in the source tree; those files are copied beside it.
//
// Why esbuild and not tsc: the sources import each other without extensions (moduleResolution Bundler), which
// Node's ES module loader refuses, and tsc does not rewrite them. esbuild (the compiler tsx already runs the
// tests with) rewrites each relative import to the emitted `.js` file. Type checking stays `npm run typecheck`.
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
// Built beside dist/ and swapped in at the end, so a running app's later imports never meet a half-built tree.
const out = join(root, `.dist-${process.pid}`);
const sourceDirs = ['server', 'rules', 'db'];

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const started = performance.now();
rmSync(out, { recursive: true, force: true });
const files = sourceDirs.flatMap((dir) => walk(join(root, dir)));

/** Relative imports stay separate modules: `./app` becomes `./app.js`, `./cases` `./cases/index.js`. */
const relativeImportsToJs = {
  name: 'relative-imports-to-js',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir, kind }) => {
      if (kind === 'entry-point') return undefined;
      const target = resolve(resolveDir, path);
      const asFile = ['.ts', '.js'].find((ext) => existsSync(target + ext));
      if (asFile) return { path: `${path}.js`, external: true };
      if (existsSync(join(target, 'index.ts'))) return { path: `${path}/index.js`, external: true };
      return undefined; // data files (JSON) are inlined into the importing module
    });
  },
};

const built = build({
  entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
  outdir: out,
  outbase: root,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20.11',
  logLevel: 'warning',
  plugins: [relativeImportsToJs],
});
await built.catch((error) => {
  rmSync(out, { recursive: true, force: true });
  throw error;
});

// Files the code reads at run time from beside itself (migrations, word lists), and the views.
for (const file of files.filter((f) => !f.endsWith('.ts'))) {
  cpSync(file, join(out, relative(root, file)));
}
cpSync(join(root, 'views'), join(out, 'views'), { recursive: true });
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);
const ms = Math.round(performance.now() - started);
console.log(`built ${relative(process.cwd(), dist)}/ in ${ms} ms from ${files.length} files`);
