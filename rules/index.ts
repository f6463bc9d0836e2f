/** The rules module's public surface: the case schema, parsing, evaluation, the assessment, labels, data dates. */
export * from './assessment';
export * from './case-schema';
export { type CountryCode, countryCodes, euMembers } from './data/countries';
export {
  effectiveReviewedOn,
  type ReferenceDataFile,
  type ReferenceFact,
  type ReferenceReviews,
  referenceDataFiles,
} from './data/index';
export { isIsoDate } from './dates';
export { type EvaluateOptions, evaluate } from './evaluate';
export { staleAfter, staleFiles } from './flags/refdata-stale';
export { countryName, type Locale, locales } from './i18n';
export { type ChecklistId, checklistIds, type FlagId, flagIds } from './ids';
export { type Enumerations, enumerations, type LabelSet, labels } from './labels';
export { type FieldError, formatPath, type ParseResult, parseCaseFile } from './parse';
export { type Citation, isUnsourced, type Source } from './sources';
export { checklistLabel, flagTitle, ruleTitle } from './titles';
export { type MatchedBy, matchImplicatedUnits, suggestUnits, type UnitMatch } from './unit-match';
