/** The assessment the rules return (../shared/case-format.md, "Assessment"): schema and types. */
import { z } from 'zod';
import { countrySchema, isoDateSchema, pathwaySchema } from './case-schema';
import { checklistIds, flagIds } from './ids';

export const RULESET = '2026.11';

export const severities = ['info', 'warning', 'high', 'critical'] as const;
export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export const categories = [
  'documents',
  'unit',
  'role',
  'deployment',
  'persecution',
  'passport',
  'host_country',
  'destination',
  'verification',
  'timeline',
  'screening',
  'reference_data',
] as const;
export const checklistCategories = ['documents', 'verification', 'passport'] as const;
export const checklistStatuses = ['done', 'todo', 'blocked', 'not_applicable'] as const;
/** In the catalogue's order of precedence. */
export const actions = [
  'urgent_protection',
  'supervisor_review',
  'complete_verification',
  'refer_for_visa',
  'refer_local_legal_aid',
] as const;
export const verdicts = ['feasible', 'needs_documents', 'unlikely', 'not_available'] as const;

export const severitySchema = z.enum(severities);
export const riskLevelSchema = z.enum(riskLevels);
export const categorySchema = z.enum(categories);
export const checklistStatusSchema = z.enum(checklistStatuses);
export const actionSchema = z.enum(actions);
export const verdictSchema = z.enum(verdicts);

export const flagSchema = z.strictObject({
  id: z.enum(flagIds),
  severity: severitySchema,
  category: categorySchema,
  message: z.string().min(1),
  facts: z.array(z.string()),
  source: z.string().min(1).optional(),
  cleared: z.boolean(),
});

export const checklistItemSchema = z.strictObject({
  id: z.enum(checklistIds),
  category: z.enum(checklistCategories),
  label: z.string().min(1),
  status: checklistStatusSchema,
  detail: z.string().min(1),
});

export const destinationVerdictSchema = z.strictObject({
  country: countrySchema,
  pathway: pathwaySchema,
  status: verdictSchema,
  missing: z.array(z.enum(checklistIds)),
  notes: z.array(z.string().min(1)),
});

export const recommendationSchema = z.strictObject({
  action: actionSchema,
  pathway: z.strictObject({ country: countrySchema, pathway: pathwaySchema }).optional(),
  because: z.array(z.string()),
  // biome-ignore lint/suspicious/noThenProperty: `then` is the contract's field name (case-format.md)
  then: z.array(actionSchema),
});

export const assessmentSchema = z.strictObject({
  ruleset: z.literal(RULESET),
  evaluatedOn: isoDateSchema,
  recommendation: recommendationSchema,
  riskLevel: riskLevelSchema,
  flags: z.array(flagSchema),
  checklist: z.array(checklistItemSchema),
  destinations: z.array(destinationVerdictSchema),
});

export type Severity = z.infer<typeof severitySchema>;
export type RiskLevel = z.infer<typeof riskLevelSchema>;
export type Category = z.infer<typeof categorySchema>;
export type ChecklistCategory = (typeof checklistCategories)[number];
export type ChecklistStatus = z.infer<typeof checklistStatusSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type DestinationVerdict = z.infer<typeof destinationVerdictSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;

const severityRank: Record<Severity, number> = { info: 0, warning: 1, high: 2, critical: 3 };

export function moreSevere(a: Severity, b: Severity): Severity {
  return severityRank[a] >= severityRank[b] ? a : b;
}

export function isAtLeast(severity: Severity, floor: Severity): boolean {
  return severityRank[severity] >= severityRank[floor];
}

/** critical -> critical, high -> high, warning -> medium, info or nothing -> low. */
export function riskLevelOf(severity: Severity | undefined): RiskLevel {
  if (severity === 'critical' || severity === 'high') return severity;
  return severity === 'warning' ? 'medium' : 'low';
}
