/**
 * Stable rule ids from the catalogue (../shared/rules.md). An id never changes meaning; a rule that changes
 * meaning gets a new id. Kept apart from the rules so the case schema can validate `review.clearedFlags`.
 */

export const flagIds = [
  'DOC_FORGED',
  'DOC_ANOMALIES',
  'DOC_DESCRIBED_ONLY',
  'UNIT_IMPLICATED',
  'UNIT_IMPLICATED_NOT_PRESENT',
  'UNIT_UNKNOWN',
  'UNIT_CROSS_CHECK_FAILED',
  'ROLE_HIGH_RISK',
  'ROLE_LOW_RISK',
  'DEPLOY_ATROCITY_WINDOW',
  'DEPLOY_REPEATED',
  'DEPLOY_NONE',
  'PERSECUTION_EVIDENCE',
  'PERSECUTION_SELF_HARM',
  'PERSECUTION_TREASON_RISK',
  'PERSECUTION_UNDOCUMENTED',
  'EVADER_NO_CALL_UP',
  'PASSPORT_NONE_VALID',
  'WANTED_TRAVEL_RISK',
  'ROUTE_DOCUMENT_IMPLAUSIBLE',
  'HOST_HIGH_RISK',
  'HOST_STAY_ENDING',
  'HOST_INCIDENT',
  'TIMELINE_INCONSISTENT',
  'VERIFY_KNOWLEDGE_FAILED',
  'SOCIAL_PRO_WAR',
  'SOCIAL_CONTRADICTS',
  'OPEN_SOURCE_CONTRADICTS',
  'SCREEN_PARTICIPATION',
  'SCREEN_WITNESS',
  'SCREEN_SECURITY',
  'DEST_PRIOR_DENIAL',
  'REFDATA_STALE',
] as const;
export type FlagId = (typeof flagIds)[number];

export const checklistIds = [
  'DOC_IDENTITY',
  'DOC_SERVICE_PROOF',
  'DOC_CRIMINAL_CASE',
  'DOC_AUTHENTICITY',
  'VERIFY_INTERVIEW',
  'VERIFY_KNOWLEDGE_CHECKS',
  'VERIFY_UNIT_CROSS_CHECK',
  'VERIFY_SOCIAL_MEDIA',
  'VERIFY_OPEN_SOURCE',
  'PASSPORT_TRAVEL_DOCUMENT',
] as const;
export type ChecklistId = (typeof checklistIds)[number];
