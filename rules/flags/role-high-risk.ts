import type { CaseFile, Role, ServiceType } from '../case-schema';
import { highRiskRoles, highRiskServiceTypes, source } from '../data/roles';
import { listText } from '../i18n';
import { labels } from '../labels';
import { defineFlag } from '../rule';

type Found = { roles: Role[]; serviceType: ServiceType | undefined; facts: string[] };

/** High-risk roles in his service record or in any deployment ("role there, if different"). */
export function highRiskFacts(c: CaseFile): Found {
  const roles = new Set<Role>();
  const facts: string[] = [];
  if (highRiskRoles.has(c.service.role)) {
    roles.add(c.service.role);
    facts.push(`service.role=${c.service.role}`);
  }
  c.deployments.forEach((d, i) => {
    if (d.role && highRiskRoles.has(d.role)) {
      roles.add(d.role);
      facts.push(`deployments[${i}].role=${d.role}`);
    }
  });
  const serviceType = highRiskServiceTypes.has(c.service.serviceType) ? c.service.serviceType : undefined;
  if (serviceType) facts.push(`service.serviceType=${serviceType}`);
  return { roles: [...roles], serviceType, facts };
}

/** "A communications specialist is one story; an assault trooper is completely different." */
export default defineFlag<Found>({
  id: 'ROLE_HIGH_RISK',
  category: 'role',
  severity: 'high',
  title: { en: 'High-risk role', ru: 'Должность высокого риска' },
  doc: 'Role is assault, sniper, military_police or special_forces (in service or any deployment), or serviceType is pmc or prison_recruit.',
  source,
  check({ case: c }) {
    const found = highRiskFacts(c);
    return found.facts.length > 0 ? { facts: found.facts, params: found } : undefined;
  },
  message: {
    en: ({ roles, serviceType }) => {
      const what = [
        ...roles.map((r) => `role: ${labels.en.roles[r].toLowerCase()}`),
        ...(serviceType ? [`service: ${labels.en.serviceTypes[serviceType].toLowerCase()}`] : []),
      ];
      return `High-risk service (${listText(what, 'en')}). Anyone suspected of war crimes has no chance of an entry visa, and verifiers count former assault troops, penal recruits and mercenaries among them: a supervisor must review what he did before anything else.`;
    },
    ru: ({ roles, serviceType }) => {
      const what = [
        ...roles.map((r) => `должность — ${labels.ru.roles[r].toLowerCase()}`),
        ...(serviceType ? [`вид службы — ${labels.ru.serviceTypes[serviceType].toLowerCase()}`] : []),
      ];
      return `Служба высокого риска: ${what.join('; ')}. У подозреваемых в военных преступлениях нет шансов на въездную визу, и проверяющие относят к ним бывших штурмовиков, завербованных из колоний и наёмников: прежде всего руководитель должен разобраться, что он делал.`;
    },
  },
});
