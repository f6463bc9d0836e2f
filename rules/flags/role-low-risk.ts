import type { Role } from '../case-schema';
import { source, supportRoles } from '../data/roles';
import { labels } from '../labels';
import { defineFlag } from '../rule';
import { highRiskFacts } from './role-high-risk';

/**
 * A support role speaks in his favour. Decision: it does not fire when ROLE_HIGH_RISK does (a PMC cook, or a
 * clerk who served as an assault trooper on deployment), so the two never contradict each other.
 */
export default defineFlag<{ role: Role }>({
  id: 'ROLE_LOW_RISK',
  category: 'role',
  severity: 'info',
  title: { en: 'Support role', ru: 'Должность обеспечения' },
  doc: 'A support role (communications, radio technician, logistics, driver, cook, medic, clerk, instructor, maintenance, training-ground staff).',
  source,
  check({ case: c }) {
    const role = c.service.role;
    if (!supportRoles.has(role) || highRiskFacts(c).facts.length > 0) return undefined;
    return { facts: [`service.role=${role}`], params: { role } };
  },
  message: {
    en: ({ role }) =>
      `Support role (${labels.en.roles[role].toLowerCase()}): verifiers see this as a lower risk of direct involvement in abuses. Confirm it with documents and knowledge checks.`,
    ru: ({ role }) =>
      `Должность обеспечения (${labels.ru.roles[role].toLowerCase()}): проверяющие считают риск прямой причастности к преступлениям более низким. Подтвердите её документами и контрольными вопросами.`,
  },
});
