// Each part of a case as one column beside the `cases` row it is selected with (a correlated subquery), so a
// whole case is one statement and one round trip instead of one query per table.
import { getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  caseApplications,
  caseClearedFlags,
  caseCriminalCases,
  caseCurrentStay,
  caseDeployments,
  caseDesertion,
  caseDestinations,
  caseDocuments,
  caseInterviews,
  caseKnowledgeChecks,
  caseOpenSourceChecks,
  casePersecution,
  casePerson,
  caseRouteLegs,
  caseScreening,
  caseService,
  cases,
  caseVerification,
} from '../../../db/schema';

type Json = Record<string, unknown>;
export type PartTable = PgTable & { caseId: AnyPgColumn };

/**
 * A row as `row_to_json` spells it (keys are column names) turned into the row `db.select()` would give, with
 * each value decoded by its column as drizzle does (dates, arrays, integers); nulls stay null.
 */
function fromJson<T extends Table>(table: T): (json: Json) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table));
  return (json) =>
    Object.fromEntries(
      columns.map(([key, column]) => {
        const value = json[column.name];
        return [key, value === null ? null : column.mapFromDriverValue(value)];
      }),
    ) as T['$inferSelect'];
}

// Table names spelled out: in a select from one table drizzle renders bare column names, and a bare `id` in
// a subquery would be the part table's own, not the outer case's.
export const qualified = (column: AnyPgColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
/** `from` clause of a subquery on `table`'s rows of the outer query's case. */
export const ofCase = (table: PartTable) =>
  sql`from ${table} where ${qualified(table.caseId)} = ${qualified(cases.id)}`;
const one = <T extends PartTable>(table: T) =>
  sql`(select row_to_json(${table}) ${ofCase(table)})`.mapWith(
    fromJson(table) as (json: Json) => T['$inferSelect'] | null, // no row: null, not decoded
  );
const list = <T extends PartTable & { position: AnyPgColumn }>(table: T) => {
  const decode = fromJson(table);
  return sql`(select coalesce(json_agg(${table} order by ${qualified(table.position)}), '[]'::json) ${ofCase(table)})`.mapWith(
    (rows: Json[]) => rows.map(decode),
  );
};

/** Select these beside `cases` columns (`db.select({ ..., parts: partRows }).from(cases)`), then decodeParts. */
export const partRows = {
  person: one(casePerson),
  documents: list(caseDocuments),
  service: one(caseService),
  deployments: list(caseDeployments),
  desertion: one(caseDesertion),
  persecution: one(casePersecution),
  criminalCases: list(caseCriminalCases),
  route: list(caseRouteLegs),
  stay: one(caseCurrentStay),
  destinations: list(caseDestinations),
  applications: list(caseApplications),
  verification: one(caseVerification),
  interviews: list(caseInterviews),
  checks: list(caseKnowledgeChecks),
  openSource: list(caseOpenSourceChecks),
  screening: one(caseScreening),
  cleared: sql<
    string[]
  >`(select coalesce(json_agg(${qualified(caseClearedFlags.flagId)}), '[]'::json) ${ofCase(caseClearedFlags)})`,
};
export type PartRows = { [K in keyof typeof partRows]: (typeof partRows)[K]['_']['type'] };
