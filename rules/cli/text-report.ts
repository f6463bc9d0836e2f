/**
 * The assessment as a terminal report: what to do next and why, then flags by severity with their facts and
 * sources, the checklist, and the destinations. Pure: the CLI prints what this returns.
 */
import type { Assessment, ChecklistStatus, Flag, Severity } from '../assessment';
import type { CaseFile } from '../case-schema';
import { countryName, type Locale } from '../i18n';
import { labels } from '../labels';
import { flagTitle } from '../titles';

const WIDTH = 100;

const headings = {
  en: {
    title: 'Waypost triage',
    ruleset: 'ruleset',
    evaluated: 'evaluated',
    risk: 'Risk level',
    next: 'NEXT STEP',
    because: 'Because',
    later: 'Then',
    pathway: 'Pathway',
    flags: 'FLAGS',
    noFlags: 'No flags.',
    cleared: 'Cleared by a supervisor (no longer counted)',
    facts: 'Facts',
    source: 'Source',
    checklist: 'CHECKLIST',
    verified: (done: number, all: number) => `${done} of ${all} verification items done`,
    destinations: 'DESTINATIONS',
    noDestinations: 'No destination recorded yet.',
    missing: 'Missing',
  },
  ru: {
    title: 'Waypost: оценка дела',
    ruleset: 'правила',
    evaluated: 'дата оценки',
    risk: 'Уровень риска',
    next: 'СЛЕДУЮЩИЙ ШАГ',
    because: 'Основание',
    later: 'Затем',
    pathway: 'Путь',
    flags: 'ФЛАГИ',
    noFlags: 'Флагов нет.',
    cleared: 'Сняты руководителем (больше не учитываются)',
    facts: 'Факты',
    source: 'Источник',
    checklist: 'ЧЕК-ЛИСТ',
    verified: (done: number, all: number) => `проверка: выполнено ${done} из ${all} пунктов`,
    destinations: 'СТРАНЫ НАЗНАЧЕНИЯ',
    noDestinations: 'Страны назначения пока не указаны.',
    missing: 'Не хватает',
  },
} as const;

const statusMarks: Record<ChecklistStatus, string> = {
  done: '[x]',
  todo: '[ ]',
  blocked: '[!]',
  not_applicable: '[-]',
};
const severityOrder: Severity[] = ['critical', 'high', 'warning', 'info'];

/** Wraps `text` to WIDTH: the first line starts with `indent`, the rest with `hanging` (default: the same). */
function wrap(text: string, indent: string, hanging = indent): string {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== '') {
      lines.push(line);
      line = hanging;
    }
    line += line.trim() === '' && !line.endsWith('- ') ? word : ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** One line on who he is and where he stands: service, how he left, where he is now. */
function caseSummary(c: CaseFile, locale: Locale): string {
  const l = labels[locale];
  const service = `${l.serviceTypes[c.service.serviceType]}, ${l.roles[c.service.role].toLowerCase()}${c.service.unit ? ` (${c.service.unit})` : ''}`;
  const left = `${l.desertionKinds[c.desertion.kind].toLowerCase()}: ${l.desertionManners[c.desertion.manner].toLowerCase()}${c.desertion.leftOn ? ` ${c.desertion.leftOn}` : ''}`;
  const stay = c.currentStay;
  const until = stay.stayEndsOn
    ? locale === 'ru'
      ? ` до ${stay.stayEndsOn}`
      : ` until ${stay.stayEndsOn}`
    : '';
  const now =
    locale === 'ru'
      ? `сейчас: ${countryName(stay.country, locale)} с ${stay.since}, ${l.stayBases[stay.basis].toLowerCase()}${until}`
      : `now in ${countryName(stay.country, locale)} since ${stay.since}, ${l.stayBases[stay.basis].toLowerCase()}${until}`;
  return `${service}; ${left}; ${now}.`;
}

function flagBlock(flag: Flag, locale: Locale): string[] {
  const h = headings[locale];
  return [
    `  ${flag.id}: ${flagTitle(flag.id, locale)}`,
    wrap(flag.message, '      '),
    wrap(`${h.facts}: ${flag.facts.join(', ')}`, '      '),
    ...(flag.source ? [wrap(`${h.source}: ${flag.source}`, '      ')] : []),
  ];
}

export function textReport(assessment: Assessment, caseFile: CaseFile, locale: Locale = 'en'): string {
  const h = headings[locale];
  const l = labels[locale];
  const { recommendation: rec } = assessment;
  const out: string[] = [];

  const who = [caseFile.person.pseudonym, caseFile.reference].filter(Boolean).join(' · ');
  out.push(`${h.title}: ${who}`);
  out.push(`${h.ruleset} ${assessment.ruleset}, ${h.evaluated} ${assessment.evaluatedOn}`);
  out.push(wrap(caseSummary(caseFile, locale), ''));
  out.push(`${h.risk}: ${l.riskLevels[assessment.riskLevel].toUpperCase()}`);
  out.push('');

  out.push(`${h.next}: ${l.actions[rec.action]}`);
  if (rec.pathway) {
    out.push(
      `  ${h.pathway}: ${countryName(rec.pathway.country, locale)}, ${l.pathways[rec.pathway.pathway]}`,
    );
  }
  if (rec.because.length > 0) {
    out.push(`  ${h.because}:`);
    for (const id of rec.because) {
      const flag = assessment.flags.find((f) => f.id === id && !f.cleared);
      const item = assessment.checklist.find((i) => i.id === id);
      if (flag) out.push(wrap(`- ${flagTitle(flag.id, locale)} (${id})`, '    ', '      '));
      else if (item) out.push(wrap(`- ${item.label}: ${item.detail}`, '    ', '      '));
    }
  }
  if (rec.then.length > 0) out.push(`  ${h.later}: ${rec.then.map((a) => l.actions[a]).join(' → ')}`);
  out.push('');

  out.push(h.flags);
  const active = assessment.flags.filter((f) => !f.cleared);
  if (assessment.flags.length === 0) out.push(`  ${h.noFlags}`);
  for (const severity of severityOrder) {
    const group = active.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(` ${l.severities[severity].toUpperCase()} (${group.length})`);
    for (const flag of group) out.push(...flagBlock(flag, locale));
  }
  const cleared = assessment.flags.filter((f) => f.cleared);
  if (cleared.length > 0) {
    out.push(` ${h.cleared}`);
    for (const flag of cleared) out.push(...flagBlock(flag, locale));
  }
  out.push('');

  const verification = assessment.checklist.filter((i) => i.category !== 'passport');
  const done = verification.filter((i) => i.status === 'done' || i.status === 'not_applicable').length;
  out.push(`${h.checklist} (${h.verified(done, verification.length)})`);
  out.push(
    `  ${Object.entries(statusMarks)
      .map(([status, mark]) => `${mark} ${l.checklistStatuses[status as ChecklistStatus].toLowerCase()}`)
      .join('   ')}`,
  );
  for (const item of assessment.checklist) {
    out.push(wrap(`${statusMarks[item.status]} ${item.label}`, '  '));
    out.push(wrap(item.detail, '      '));
  }
  out.push('');

  out.push(h.destinations);
  if (assessment.destinations.length === 0) out.push(`  ${h.noDestinations}`);
  for (const d of assessment.destinations) {
    out.push(
      `  ${countryName(d.country, locale)}, ${l.pathways[d.pathway]}: ${l.verdicts[d.status].toUpperCase()}`,
    );
    for (const note of d.notes) out.push(wrap(note, '      '));
  }
  return `${out.join('\n')}\n`;
}
