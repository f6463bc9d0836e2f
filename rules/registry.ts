/**
 * Every rule, in catalogue order (../shared/rules.md). The evaluator runs them in this order; the tests check
 * every catalogue id has exactly one rule.
 */
import docAuthenticity from './checklist/doc-authenticity';
import docCriminalCase from './checklist/doc-criminal-case';
import docIdentity from './checklist/doc-identity';
import docServiceProof from './checklist/doc-service-proof';
import passportTravelDocument from './checklist/passport-travel-document';
import verifyInterview from './checklist/verify-interview';
import verifyKnowledgeChecks from './checklist/verify-knowledge-checks';
import verifyOpenSource from './checklist/verify-open-source';
import verifySocialMedia from './checklist/verify-social-media';
import verifyUnitCrossCheck from './checklist/verify-unit-cross-check';
import asylumInCountry from './destinations/asylum-in-country';
import closedToRussians from './destinations/closed-to-russians';
import franceAsylumVisa from './destinations/france-asylum-visa';
import germanyHumanitarian from './destinations/germany-humanitarian';
import germanyWorkStudy from './destinations/germany-work-study';
import noVisaRoute from './destinations/no-visa-route';
import otherDestinations from './destinations/other-destinations';
import unitedStates from './destinations/united-states';
import deployAtrocityWindow from './flags/deploy-atrocity-window';
import deployNone from './flags/deploy-none';
import deployRepeated from './flags/deploy-repeated';
import destPriorDenial from './flags/dest-prior-denial';
import docAnomalies from './flags/doc-anomalies';
import docDescribedOnly from './flags/doc-described-only';
import docForged from './flags/doc-forged';
import evaderNoCallUp from './flags/evader-no-call-up';
import hostHighRisk from './flags/host-high-risk';
import hostIncident from './flags/host-incident';
import hostStayEnding from './flags/host-stay-ending';
import openSourceContradicts from './flags/open-source-contradicts';
import passportNoneValid from './flags/passport-none-valid';
import persecutionEvidence from './flags/persecution-evidence';
import persecutionSelfHarm from './flags/persecution-self-harm';
import persecutionTreasonRisk from './flags/persecution-treason-risk';
import persecutionUndocumented from './flags/persecution-undocumented';
import refdataStale from './flags/refdata-stale';
import roleHighRisk from './flags/role-high-risk';
import roleLowRisk from './flags/role-low-risk';
import routeDocumentImplausible from './flags/route-document-implausible';
import screenParticipation from './flags/screen-participation';
import screenSecurity from './flags/screen-security';
import screenWitness from './flags/screen-witness';
import socialContradicts from './flags/social-contradicts';
import socialProWar from './flags/social-pro-war';
import timelineInconsistent from './flags/timeline-inconsistent';
import unitCrossCheckFailed from './flags/unit-cross-check-failed';
import unitImplicated from './flags/unit-implicated';
import unitImplicatedNotPresent from './flags/unit-implicated-not-present';
import unitUnknown from './flags/unit-unknown';
import verifyKnowledgeFailed from './flags/verify-knowledge-failed';
import wantedTravelRisk from './flags/wanted-travel-risk';
import type { ChecklistRule, DestinationRule, FlagRule } from './rule';

export const checklistRules: readonly ChecklistRule[] = [
  docIdentity,
  docServiceProof,
  docCriminalCase,
  docAuthenticity,
  verifyInterview,
  verifyKnowledgeChecks,
  verifyUnitCrossCheck,
  verifySocialMedia,
  verifyOpenSource,
  passportTravelDocument,
];

export const flagRules: readonly FlagRule[] = [
  docForged,
  docAnomalies,
  docDescribedOnly,
  unitImplicated,
  unitImplicatedNotPresent,
  unitUnknown,
  unitCrossCheckFailed,
  roleHighRisk,
  roleLowRisk,
  deployAtrocityWindow,
  deployRepeated,
  deployNone,
  persecutionEvidence,
  persecutionSelfHarm,
  persecutionTreasonRisk,
  persecutionUndocumented,
  evaderNoCallUp,
  passportNoneValid,
  wantedTravelRisk,
  routeDocumentImplausible,
  hostHighRisk,
  hostStayEnding,
  hostIncident,
  timelineInconsistent,
  verifyKnowledgeFailed,
  socialProWar,
  socialContradicts,
  openSourceContradicts,
  screenParticipation,
  screenWitness,
  screenSecurity,
  destPriorDenial,
  refdataStale,
];

/** First rule that applies decides; the last one applies to everything. */
export const destinationRules: readonly DestinationRule[] = [
  asylumInCountry,
  unitedStates,
  noVisaRoute,
  closedToRussians,
  franceAsylumVisa,
  germanyWorkStudy,
  germanyHumanitarian,
  otherDestinations,
];
