// Screenshots of the main pages on a laptop (1366x768) and a phone (390 wide), kept as artifacts under
// test-results/e2e/ for people to look at. On the phone nothing may stick out sideways: a page that needs
// horizontal scrolling fails (WCAG 1.4.10, reflow).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE } from './browser';

export const SCREENSHOTS_DIR = join(import.meta.dirname, '../../../test-results/e2e');

/** Elements reaching past the right edge of the window, widest first. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const out: { what: string; right: number }[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''}`;
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > edge + 1 && box.width > 0 && el.checkVisibility()) {
        out.push({ what: name(el), right: Math.round(box.right) });
      }
    }
    // Text inside a box that hides or scrolls its overflow (e.g. .visually-hidden) cannot widen the page.
    const clipped = (el: Element | null): boolean => {
      for (let at = el; at && at !== document.body; at = at.parentElement) {
        if (getComputedStyle(at).overflowX !== 'visible') return true;
      }
      return false;
    };
    // Text can also run out of a box that itself fits (a long word in a narrow column).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      if (right > edge + 1 && node.parentElement?.checkVisibility() && !clipped(node.parentElement)) {
        out.push({
          what: `text "${node.textContent?.trim().slice(0, 30)}" in ${name(node.parentElement)}`,
          right,
        });
      }
    }
    return out
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map((o) => `${o.what} ends at ${o.right}px`);
  });
}

export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    expect.soft(await overflowing(page), `${name} on a ${size.width}px screen`).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}
