/** Every reference-data file with the date it was last reviewed; REFDATA_STALE and the app read this list. */
import * as atrocityPlaces from './atrocity-places';
import * as countries from './countries';
import * as criminalCode from './criminal-code';
import * as destinations from './destinations';
import * as foreignPassportCountries from './foreign-passport-countries';
import * as hostCountries from './host-countries';
import * as implicatedUnits from './implicated-units';
import * as roles from './roles';

export type ReferenceDataFile = { file: string; reviewedOn: string };

export const referenceDataFiles: readonly ReferenceDataFile[] = [
  { file: 'rules/data/implicated-units.ts', reviewedOn: implicatedUnits.reviewedOn },
  { file: 'rules/data/atrocity-places.ts', reviewedOn: atrocityPlaces.reviewedOn },
  { file: 'rules/data/roles.ts', reviewedOn: roles.reviewedOn },
  { file: 'rules/data/host-countries.ts', reviewedOn: hostCountries.reviewedOn },
  { file: 'rules/data/foreign-passport-countries.ts', reviewedOn: foreignPassportCountries.reviewedOn },
  { file: 'rules/data/destinations.ts', reviewedOn: destinations.reviewedOn },
  { file: 'rules/data/criminal-code.ts', reviewedOn: criminalCode.reviewedOn },
  { file: 'rules/data/countries.ts', reviewedOn: countries.reviewedOn },
];
