// Takes a decision as a person does: opens its page and submits it with the version and token it carries.
import { expect } from 'vitest';
import { type Agent, csrfFrom } from './app';

export async function decideThroughPage(
  agent: Agent,
  caseUrl: string,
  action: string,
  query: string,
  fields: Record<string, string | string[]>,
) {
  const page = await agent.get(`${caseUrl}/decide/${action}${query}`);
  expect(page.status, page.text.slice(0, 500)).toBe(200);
  const version = /name="_version" value="(\d+)"/.exec(page.text)![1]!;
  const hidden = Object.fromEntries(
    [...page.text.matchAll(/<input type="hidden" name="(flagId|requestId)" value="([^"]+)">/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  return agent
    .post(`${caseUrl}/decide/${action}`)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), _version: version, ...hidden, ...fields });
}
