// Finds English left on a page shown in Russian: every piece of text a reader meets (visible text, option
// labels, and the names and hints in attributes) is split into words, and any word in Latin letters that is
// not a name, code or address is reported with where it stands. Text marked with another language (`lang`),
// such as a source cited in English, is left alone: it is meant to be read in that language.
import type { Page } from 'playwright-core';

/** Words in Latin letters that belong on a Russian page: names of things, formats, codes. */
// Z and V are part of the Storm-Z / Storm-V units' own names («Шторм-Z»).
const ALLOWED = new Set(['Waypost', 'PDF', 'JSON', 'ID', 'A4', 'English', 'Z', 'V', 'WebP']);

/** Spans of text that are identifiers, not language: emails, case references, URLs, ISO codes, ids. */
const NOT_LANGUAGE = [
  /\S+@\S+/g, // email addresses
  /\bWP-\d{4}-\d+\b/g, // case references
  /\bhttps?:\/\/\S+/g, // links printed on purpose
  /\b[A-Z]{2,6}\b/g, // country codes and acronyms (OFPRA, UNHCR)
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, // rule ids such as UNIT_IMPLICATED
  /\b[0-9a-f]{8}-[0-9a-f-]{27}\b/g, // UUIDs
  /\b(?:ru|en|uk|kk|be)\b/g, // language codes, as interview records hold them
  /\bwaypost-case\/\d+/g, // the case file format's name
  /Reiseausweis für Ausländer/g, // a German document's own name, quoted in the rules' advice
  // The rules cite their sources in the original (English) words; the case page marks them lang="en", the
  // summary prints them after its "Source:" label.
  /(?<=^Источник:?\s).*$/gs,
  /(?<=\s|\()\.[a-z]{2,4}\b/g, // file extensions such as .json
];

export interface EnglishWord {
  word: string;
  /** The text it was found in, to find the template or catalogue entry. */
  context: string;
}

export async function englishOnPage(page: Page): Promise<EnglishWord[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [document.title];
    // Text the author marked as another language (e.g. "English" in the language switch) is not missed
    // translation.
    const inRussian = (el: Element | null) => (el?.closest('[lang]')?.getAttribute('lang') ?? 'ru') === 'ru';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // <code> holds identifiers (audit action names, JSON details), not language.
      if (!parent || !inRussian(parent) || parent.closest('script, style, noscript, code')) continue;
      // Options of a closed <select> are not rendered, yet every reader meets them.
      const shown = parent.tagName === 'OPTION' || parent.checkVisibility({ visibilityProperty: true });
      if (shown && node.textContent?.trim()) out.push(node.textContent.trim());
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], [alt], input[value]')) {
      if (!inRussian(el)) continue;
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
      const type = el.getAttribute('type');
      if (el.tagName === 'INPUT' && (type === 'submit' || type === 'button'))
        out.push(el.getAttribute('value') ?? '');
    }
    return out;
  });
  const found: EnglishWord[] = [];
  for (const text of texts) {
    let rest = text;
    for (const pattern of NOT_LANGUAGE) rest = rest.replace(pattern, ' ');
    for (const [word] of rest.matchAll(/\p{Script=Latin}[\p{Script=Latin}'’-]*/gu)) {
      if (!ALLOWED.has(word)) found.push({ word, context: text.slice(0, 120) });
    }
  }
  return found;
}
