// The Node versions the README and package.json claim are the ones every installed package accepts: a fresh
// `npm install` on the oldest Node we claim prints no engine warning.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } | string[] }>;
};
const readme = readFileSync('README.md', 'utf8');

describe('the Node versions we claim', () => {
  const oldest = semver.minVersion(pkg.engines.node)?.version ?? '';

  it('every package npm installs on every platform accepts the oldest Node in package.json', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.optional && p.engines && !Array.isArray(p.engines))
      .filter(([, p]) => {
        const range = (p.engines as { node?: string }).node;
        return range !== undefined && !semver.satisfies(oldest, range);
      })
      .map(([path, p]) => `${path}@${p.version}`);
    expect(oldest).toMatch(/^20\./);
    expect(refusing).toEqual([]);
  });

  it('the README claims the same oldest Node as package.json', () => {
    const [major, minor] = oldest.split('.');
    expect(readme).toContain(`Node.js ${major}.${minor} or newer`);
  });
});
