// Every audit action the code can write has a sentence in English and Russian, and no sentence shows a code,
// JSON or an id (issue 14, item 13). The type of `appendAudit`'s action already refuses an action without a
// sentence; this test reads the source too, so that a cast or a computed action cannot slip past.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagRules } from '../../rules/registry';
import type { AuditEntry } from '../../server/audit';
import { type AuditAction, actionChoices, auditActions, auditSentence } from '../../server/audit/labels';
import { workflowActions } from '../../server/cases/workflow';

const serverDir = join(import.meta.dirname, '../../server');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });

/** Every action written as a literal (`action: 'x.y'`, or passed to a route's own audit helper). */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(serverDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\baction:\s*'([a-z_]+\.[a-z_]+)'\s*\|\s*'([a-z_]+\.[a-z_]+)'/g))
      found.add(m[2]!);
    for (const m of text.matchAll(/\baudit\(\s*request,\s*[\w.]+,\s*'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
    // Computed ones: the only two patterns in use; a new pattern fails below until it is listed here.
    for (const m of text.matchAll(/\baction:\s*`([^`]*)`/g)) {
      const pattern = m[1]!;
      if (pattern === `case.$${'{action}'}`) for (const a of workflowActions) found.add(`case.${a}`);
      else if (pattern === `user.$${'{action}'}d`)
        for (const a of ['disable', 'enable']) found.add(`user.${a}d`);
      // A form's action (a URL, written out or built from one) is no audit action.
      else if (!pattern.startsWith('/') && !pattern.startsWith('${listUrl('))
        found.add(`unlisted pattern ${pattern}`);
    }
  }
  return found;
}

const someone = '6f1c0b7e-2a4d-4c1e-9a3b-5d8e7f6a1b2c';
const context = (locale: 'en' | 'ru') => ({
  locale,
  userName: (id: unknown) => (id === someone ? 'Anna Karimova' : '?'),
});
/** What the code writes into each action's detail (ids and codes only). */
const details: Partial<Record<AuditAction, Record<string, unknown>>> = {
  'case.viewed': { view: 'form:service' },
  'case.listed': { view: 'queue', references: ['WP-2026-0001', 'WP-2026-0002'] },
  'case.section_saved': { section: 'service' },
  'case.assigned': { to: someone },
  'case.exported': { format: 'zip', attachments: 2 },
  'case.summary_exported': { profile: 'partner', format: 'pdf', language: 'ru', group: ['a', 'b'] },
  'case.start_verification': { from: 'intake', to: 'verification' },
  'case.clear_flag': { flagId: flagRules[0]!.id },
  'case.uphold_flag': { flagId: flagRules[0]!.id },
  'case.approve_referral': { from: 'review', to: 'referred', country: 'DE', pathway: 'humanitarian_visa' },
  'attachment.added': { attachmentId: someone, mediaType: 'image/jpeg', bytes: 1000, removed: [] },
  'attachment.viewed': { attachmentId: someone, view: 'download' },
  'auth.sign_in': { method: 'password' },
  'auth.sign_in_failed': { reason: 'wrong_password' },
  'auth.session_ended': { others: true },
  'auth.failed_attempts_reported': { failed: 6, lockedAccounts: 0 },
  'auth.recovery_code_used': { left: 9 },
  'user.created': { role: 'supervisor' },
  'user.role_changed': { from: 'caseworker', to: 'supervisor' },
  'user.password_set': { via: 'invite' },
  'security.second_factor_policy': { role: 'caseworker', required: true },
  'organisation.updated': { fields: ['name'] },
  'reference_data.reviewed': { reviewedOn: '2026-11-01' },
  'audit.checkpoint': { seq: 12 },
  'audit.verified': { ok: true, rows: 40 },
};

// A code (`case.viewed`, `form:service`, `humanitarian_visa`), JSON, an id or a missing value.
const leaks = /[a-z]+[._:][a-z_]+|[{}[\]"]|undefined|null|NaN|[0-9a-f]{8}-[0-9a-f]{4}|\?/;

describe('audit action labels', () => {
  it('every action the code can write has a sentence', () => {
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(40);
    const missing = [...written].filter((a) => !(auditActions as readonly string[]).includes(a));
    expect(missing).toEqual([]);
  });

  it('the type of an entry refuses an action without a sentence', () => {
    // @ts-expect-error: not an action with a sentence
    const entry: AuditEntry = { actorId: null, action: 'case.something_new', at: new Date() };
    expect(entry.action).toBe('case.something_new');
  });

  it.each(
    auditActions.flatMap((action) => (['en', 'ru'] as const).map((locale) => [action, locale] as const)),
  )('%s in %s reads as a sentence, with names and titles, never codes', (action, locale) => {
    for (const detail of [details[action] ?? {}, {}]) {
      const text = auditSentence(action, detail, context(locale));
      expect(text.length, text).toBeGreaterThan(5);
      expect(text, text).not.toMatch(leaks);
      expect(text[0], text).toBe(text[0]!.toUpperCase());
      if (locale === 'ru') expect(text, text).toMatch(/[а-яё]/i);
    }
  });

  it('says what was viewed, who was assigned, which flag, where to', () => {
    expect(auditSentence('case.viewed', { view: 'form:service' }, context('en'))).toBe(
      'Viewed the Service form',
    );
    expect(auditSentence('case.viewed', { view: 'form:service' }, context('ru'))).toBe(
      'Просмотрена форма «Служба»',
    );
    expect(auditSentence('case.assigned', { to: someone }, context('en'))).toBe(
      'Assigned the case to Anna Karimova',
    );
    const flag = flagRules[0]!;
    expect(auditSentence('case.uphold_flag', { flagId: flag.id }, context('en'))).toContain(flag.title.en);
    expect(auditSentence('case.approve_referral', details['case.approve_referral']!, context('en'))).toMatch(
      /Germany.*Humanitarian/i,
    );
  });

  it('an action a newer version wrote is told as such, not as its code', () => {
    expect(auditSentence('case.teleported', {}, context('en'))).toBe('Another action');
  });

  it("the audit page's action filter names every action, each differently", () => {
    for (const locale of ['en', 'ru'] as const) {
      const labels = actionChoices(locale).map((c) => c.label);
      expect(new Set(labels).size).toBe(auditActions.length);
      for (const label of labels) expect(label).not.toMatch(leaks);
    }
  });
});
