// Moving through a page with the Tab key alone, as someone who cannot use a mouse does, checking at each
// stop that the focus can be seen.

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

interface Focused {
  /** What a screen reader would roughly call it: its label, text or value. */
  name: string;
  tag: string;
  /** The focus indicator is drawn: an outline or a ring (box-shadow) while :focus-visible. */
  visible: boolean;
}

async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const labelled = 'labels' in el ? (el as HTMLInputElement).labels?.[0]?.textContent : null;
    const name = (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').replace(/\s+/g, ' ');
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none';
    return { name: name.trim(), tag: el.tagName, visible: el.matches(':focus-visible') && (outline || ring) };
  });
}

/**
 * Presses Tab until the focused element's name starts with `name` (or matches it), failing if it takes more
 * than `limit` presses or if any element on the way shows no focus.
 */
export async function tabTo(page: Page, name: string | RegExp, limit = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now) continue;
    expect(now.visible, `focus not visible on ${now.tag} "${now.name}"`).toBe(true);
    seen.push(now.name);
    if (typeof name === 'string' ? now.name.startsWith(name) : name.test(now.name)) return;
  }
  throw new Error(`Tab never reached "${name}"; went through: ${seen.join(' | ')}`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, name: string | RegExp, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.type(text);
}
