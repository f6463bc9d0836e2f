// PDFs a walk downloads: each page's text (unpdf), and each page as a PNG in test-results/e2e/ (poppler's
// pdftoppm), to be looked at by a person.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { SCREENSHOTS_DIR } from './screens';

/** Clicks what downloads a file; returns its name and bytes. */
export async function download(
  page: Page,
  link: ReturnType<Page['locator']>,
): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

export function pagesAsPng(bytes: Buffer, name: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'waypost-pdf-'));
  writeFileSync(join(dir, 'summary.pdf'), bytes);
  execFileSync('pdftoppm', ['-png', '-r', '80', join(dir, 'summary.pdf'), join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f, i) => {
      const to = join(SCREENSHOTS_DIR, `${name}-page-${i + 1}.png`);
      renameSync(join(dir, f), to);
      return to;
    });
}

export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: false })).text;
}
