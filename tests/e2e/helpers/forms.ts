// Fills a case form in the browser the way a person does: types into text boxes and date fields, picks from
// drop-down lists, ticks boxes. The values come from the case file through the app's own form mapping
// (server/cases/forms/engine.ts `toFormValues`), so the walk enters exactly the fixture's data.
import type { Page } from 'playwright-core';
import type { FormValues } from '../../../server/cases/forms/engine';

export async function fillCaseForm(page: Page, values: FormValues): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const inputs = page.locator(`main form.case-form [name="${name}"]`);
    const count = await inputs.count();
    if (count === 0) throw new Error(`no field named ${name} on ${page.url()}`);
    const kind = await inputs
      .first()
      .evaluate((el) => `${el.tagName.toLowerCase()}:${el.getAttribute('type')}`);
    if (kind === 'input:checkbox') {
      const wanted = new Set(Array.isArray(value) ? value : [value]);
      for (let i = 0; i < count; i++) {
        const box = inputs.nth(i);
        await box.setChecked(wanted.has((await box.getAttribute('value')) ?? ''));
      }
    } else if (kind.startsWith('select')) {
      // One select, or several slots of the same name (a country list): one value each, in order.
      const slots = Array.isArray(value) ? value : [value];
      for (let i = 0; i < count; i++) await inputs.nth(i).selectOption(slots[i] ?? '');
    } else {
      await inputs.first().fill(Array.isArray(value) ? value.join(', ') : value);
    }
  }
}
