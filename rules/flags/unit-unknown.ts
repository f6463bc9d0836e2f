import { defineFlag } from '../rule';

/** No unit given, or not one the reference data links to atrocities: that is not a clearance. */
export default defineFlag<{ unit: string | undefined }>({
  id: 'UNIT_UNKNOWN',
  category: 'unit',
  severity: 'info',
  doc: 'No unit or unit number given, or the unit is not in the reference data: manual cross-check needed.',
  check({ case: c, facts: derived }) {
    if (derived.unitMatches.length > 0) return undefined;
    const { unit, unitNumber } = c.service;
    if (unit === undefined && unitNumber === undefined)
      return { facts: ['service.unit=(none)', 'service.unitNumber=(none)'], params: { unit: undefined } };
    const said = [unit, unitNumber && `в/ч ${unitNumber}`].filter(Boolean).join(', ');
    const facts = [
      ...(unit !== undefined ? [`service.unit=${unit}`] : []),
      ...(unitNumber !== undefined ? [`service.unitNumber=${unitNumber}`] : []),
    ];
    return { facts, params: { unit: said } };
  },
  message: {
    en: ({ unit }) =>
      unit === undefined
        ? 'No unit or unit number is recorded. Ask for both (the military unit number, в/ч, is on most papers) and cross-check the unit by hand.'
        : `The unit "${unit}" is not among the units Waypost links to atrocities. That is not a clearance: cross-check where the unit was, and when, by hand.`,
    ru: ({ unit }) =>
      unit === undefined
        ? 'Часть и номер в/ч не записаны. Спросите и то и другое (номер в/ч есть в большинстве документов) и сверьте часть вручную.'
        : `Части «${unit}» нет среди частей, которые Waypost связывает с военными преступлениями. Это не оправдание: где и когда была часть, нужно сверить вручную.`,
  },
});
