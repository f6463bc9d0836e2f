/**
 * Every length and count limit of the case format, read from the schema itself (rules/case-schema.ts), so the
 * forms, the import's messages and the README say what the schema enforces and cannot drift from it.
 */
import { z } from 'zod';
import { caseFileSchema } from './case-schema';

type LimitKind = 'characters' | 'entries' | 'value';

export interface Limit {
  /** In the case format's terms: `documents`, `person.pseudonym`, `destinations[].applications`. */
  path: string;
  kind: LimitKind;
  max: number;
}

/** The schema inside `.optional()` and the like. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault)
    inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** The most characters of a text, entries of a list or value of a number this schema allows. */
export function maxOf(schema: z.ZodType): number | undefined {
  for (const check of unwrap(schema)._zod.def.checks ?? []) {
    if (check instanceof z.core.$ZodCheckMaxLength) return check._zod.def.maximum;
    if (check instanceof z.core.$ZodCheckLessThan) return Number(check._zod.def.value);
  }
  return undefined;
}

/** The schema of one field of an object schema (a form's), if it has that field. */
export function fieldSchema(schema: z.ZodType, name: string): z.ZodType | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? (inner.shape[name] as z.ZodType | undefined) : undefined;
}

function walk(schema: z.ZodType, path: string, out: Limit[]): void {
  const inner = unwrap(schema);
  const max = maxOf(inner);
  if (inner instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(inner.shape))
      walk(field as z.ZodType, path ? `${path}.${name}` : name, out);
  } else if (inner instanceof z.ZodArray) {
    if (max !== undefined) out.push({ path, kind: 'entries', max });
    walk(inner.element as z.ZodType, `${path}[]`, out);
  } else if (inner instanceof z.ZodString) {
    if (max !== undefined) out.push({ path, kind: 'characters', max });
  } else if (inner instanceof z.ZodNumber) {
    if (max !== undefined) out.push({ path, kind: 'value', max });
  }
}

/** Paths of every free-text field of the case format (made by `freeText` in rules/case-schema.ts). */
export function freeTextPaths(): string[] {
  const out: string[] = [];
  const visit = (schema: z.ZodType, path: string) => {
    const inner = unwrap(schema);
    if (inner instanceof z.ZodObject)
      for (const [name, field] of Object.entries(inner.shape))
        visit(field as z.ZodType, path ? `${path}.${name}` : name);
    else if (inner instanceof z.ZodArray) visit(inner.element as z.ZodType, `${path}[]`);
    else if (z.globalRegistry.get(inner)?.freeText === true) out.push(path);
  };
  visit(caseFileSchema, '');
  return out;
}

/** Every limit of the case format, in the schema's order. */
export function caseFormatLimits(): Limit[] {
  const out: Limit[] = [];
  walk(caseFileSchema, '', out);
  return out;
}

/** One limit as the README states it: `documents: at most 50 entries`. */
export function describeLimit(limit: Limit): string {
  const n = limit.max.toLocaleString('en');
  return limit.kind === 'value' ? `${limit.path}: at most ${n}` : `${limit.path}: at most ${n} ${limit.kind}`;
}
