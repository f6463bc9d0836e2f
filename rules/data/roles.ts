/**
 * Role risk as verifiers judge it: "A communications specialist is one story; an assault trooper is
 * completely different." Anyone suspected of war crimes has no chance of an entry visa.
 */
import type { Role, ServiceType } from '../case-schema';
import { bbcRussianDesertion } from './sources';

export const reviewedOn = '2026-11-22';
export const source = bbcRussianDesertion;

export const highRiskRoles: ReadonlySet<Role> = new Set([
  'assault',
  'sniper',
  'military_police',
  'special_forces',
]);

/** Recruited as a unit that fought as assault infantry (Wagner, Storm-Z/V). */
export const highRiskServiceTypes: ReadonlySet<ServiceType> = new Set(['pmc', 'prison_recruit']);

export const supportRoles: ReadonlySet<Role> = new Set([
  'communications',
  'radio_technician',
  'logistics',
  'driver',
  'cook',
  'medic',
  'clerk',
  'instructor',
  'maintenance',
  'training_ground_staff',
]);
