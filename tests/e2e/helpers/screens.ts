// Screenshots of the main pages on a laptop (1366x768) and a phone (390 wide), kept as artifacts under
// test-results/e2e/ for people to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './browser';

export const SCREENSHOTS_DIR = join(import.meta.dirname, '../../../test-results/e2e');

export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}
