/**
 * Countries a Russian cannot enter on the internal passport (ID) alone: a leg into one of them on the internal
 * passport is ROUTE_DOCUMENT_IMPLAUSIBLE. Kazakhstan, Kyrgyzstan, Armenia and Belarus admit the ID card.
 */
import { type CountryCode, euMembers } from './countries';

export const reviewedOn = '2026-11-22';
export const source =
  'domain.md: Host countries ("Georgia, Serbia, Montenegro, Turkey, Mongolia and Uzbekistan need a foreign-travel passport"); Seed 004 (BBC Russian)';

export const foreignPassportCountries: ReadonlySet<CountryCode> = new Set<CountryCode>([
  'GE',
  'RS',
  'ME',
  'TR',
  'MN',
  'UZ',
  ...euMembers,
]);
