/** The rules module's public surface: the case schema, parsing, evaluation, the assessment, labels, data dates. */
export * from './assessment';
export * from './case-schema';
export { type CountryCode, countryCodes, euMembers } from './data/countries';
export { type ReferenceDataFile, referenceDataFiles } from './data/index';
export { isIsoDate } from './dates';
export { type EvaluateOptions, evaluate } from './evaluate';
export { STALE_AFTER_DAYS, staleFiles } from './flags/refdata-stale';
export { countryName, type Locale, locales } from './i18n';
export { type ChecklistId, checklistIds, type FlagId, flagIds } from './ids';
export { checklistLabel, type Enumerations, enumerations, flagTitle, type LabelSet, labels } from './labels';
export { type FieldError, formatPath, type ParseResult, parseCaseFile } from './parse';
export { matchImplicatedUnits, type UnitMatch } from './unit-match';
