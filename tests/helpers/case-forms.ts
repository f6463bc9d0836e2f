// Enters a whole case file through the web forms alone, as a caseworker would: the new-case form, every
// section form, and every list entry added one by one.
import { expect } from 'vitest';
import type { CaseFile } from '../../rules/case-schema';
import { toFormValues } from '../../server/cases/forms/engine';
import { listFormIds, listForms, type ScalarFormId, scalarForms } from '../../server/cases/forms/specs';
import { disassemble } from '../../server/cases/parts';
import { type Agent, csrfFrom } from './app';

/** The form body a browser sends for these field values (repeated names for lists). */
export function formBody(values: Record<string, string | string[]>, extra: Record<string, string>): string {
  const body = new URLSearchParams(extra);
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body.toString();
}

/** Opens a form page and submits it with these values, using the version and token the page carries. */
export async function submitForm(agent: Agent, pageUrl: string, values: Record<string, string | string[]>) {
  const page = await agent.get(pageUrl);
  expect(page.status, `${pageUrl}: ${page.status}`).toBe(200);
  const main = page.text.slice(page.text.indexOf('<main'));
  const action = /<form method="post" action="([^"]+)"/.exec(main)![1]!;
  const version = /name="_version" value="(\d+)"/.exec(page.text)?.[1] ?? '';
  const res = await agent
    .post(action)
    .type('form')
    .send(formBody(values, { _csrf: csrfFrom(page.text), ...(version ? { _version: version } : {}) }));
  return res;
}

/** `assignee`: for supervisors, who must name a caseworker: pick the first one offered. */
export async function enterCaseThroughForms(
  agent: Agent,
  file: CaseFile,
  options: { assignee?: boolean } = {},
): Promise<string> {
  let assignee: Record<string, string> = {};
  if (options.assignee) {
    const form = await agent.get('/cases/new');
    assignee = {
      assignee:
        /<select id="f-assignee" name="assignee">\s*<option value="">[^<]*<\/option>\s*<option value="([^"]+)"/.exec(
          form.text,
        )![1]!,
    };
  }
  const created = await submitForm(agent, '/cases/new', {
    pseudonym: file.person.pseudonym,
    citizenships: file.person.citizenships,
    ...assignee,
  });
  expect(created.status, created.text).toBe(303);
  const caseUrl = created.headers.location as string;
  const parts = disassemble(file);
  const scalar: [ScalarFormId, unknown][] = [
    ['person', parts.person],
    ['service', parts.service],
    ['desertion', parts.desertion],
    ['persecution', parts.persecution],
    ['currentStay', parts.currentStay],
    ['verification', parts.verification],
    ['screening', parts.screening],
  ];
  for (const [id, value] of scalar) {
    const res = await submitForm(
      agent,
      `${caseUrl}/edit/${id}`,
      toFormValues(scalarForms[id].spec, value as never),
    );
    expect(res.status, `${id}: ${res.text.slice(0, 2000)}`).toBe(303);
  }
  const lists = listFormIds;
  for (const id of lists) {
    const items = listForms[id].read(parts);
    for (const item of items) {
      const res = await submitForm(
        agent,
        `${caseUrl}/lists/${id}/new`,
        toFormValues(listForms[id].spec, item),
      );
      expect(res.status, `${id}: ${res.text.slice(0, 2000)}`).toBe(303);
    }
  }
  return caseUrl;
}
