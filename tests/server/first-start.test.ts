// `npm start` on an empty install, as a person sees it: the set-up link stands apart from the JSON log lines
// in a framed block, on a line of its own, and a restart while no account exists prints a fresh link.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'waypost-first-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the app as `npm start` does and returns what it printed up to the end of the framed block. */
async function start(): Promise<string[]> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no framed link in:\n${out}`)), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if ((out.match(/^\+=+\+$/gm) ?? []).length >= 2) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`exited early:\n${out}`)));
    });
  } finally {
    child.kill('SIGTERM');
  }
  return out.split('\n');
}

describe('first start of a fresh install', () => {
  it('prints the set-up link in a frame of its own, and a fresh one at each restart', async () => {
    const first = await start();
    const top = first.findIndex((l) => /^\+=+\+$/.test(l));
    const bottom = first.findIndex((l, i) => i > top && /^\+=+\+$/.test(l));
    const frame = first.slice(top, bottom + 1);
    // A blank line parts the frame from the log lines around it; inside it, no JSON.
    expect(first[top - 1]).toBe('');
    expect(frame.every((l) => l.length === frame[0]!.length)).toBe(true);
    expect(frame.some((l) => l.startsWith('{'))).toBe(false);
    const linkLine = frame.find((l) => l.includes('/setup/'));
    const link = /(http:\/\/\S+\/setup\/\S+)/.exec(linkLine ?? '')?.[1];
    expect(linkLine?.replace(link ?? '', '').replace(/[|\s]/g, '')).toBe('');
    expect(frame.join('\n')).toContain('first administrator');

    const again = await start();
    const link2 = again.map((l) => /(http:\/\/\S+\/setup\/\S+)/.exec(l)?.[1]).find(Boolean);
    expect(link2).toBeTruthy();
    expect(link2).not.toBe(link);
  }, 120_000);
});
