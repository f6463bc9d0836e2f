// Reviews of the reference data (rules/data) an admin records without a deploy: stored, audited, and read by
// the rules as an input (evaluate's `reviews`), so the rules module stays pure. The facts themselves change
// only through code review.
import { desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { referenceReviews, users } from '../../db/schema';
import type { ReferenceReviews } from '../../rules/data/index';
import { appendAudit } from '../audit';

/**
 * The latest review date an admin recorded for each file, as one JSON column: selected beside a case when it
 * is loaded (the rules read it with the case), and alone by the reference-data page.
 */
export const latestReviewsColumn = sql<ReferenceReviews>`(select coalesce(json_object_agg(${sql.identifier(referenceReviews.file.name)}, ${sql.identifier(referenceReviews.reviewedOn.name)}), '{}'::json) from (select ${referenceReviews.file}, max(${referenceReviews.reviewedOn}) as ${sql.identifier(referenceReviews.reviewedOn.name)} from ${referenceReviews} group by ${referenceReviews.file}) as latest)`;

export async function latestReviews(db: Db | Tx): Promise<ReferenceReviews> {
  const [row] = await db.select({ reviews: latestReviewsColumn }).from(sql`(select) as one`);
  return row?.reviews ?? {};
}

export type RecordedReview = {
  file: string;
  reviewedOn: string;
  note: string;
  reviewedAt: Date;
  reviewerName: string | null;
};

/** Every review, newest first (a handful a quarter: the whole history fits one page). */
export async function reviewHistory(db: Db): Promise<RecordedReview[]> {
  return db
    .select({
      file: referenceReviews.file,
      reviewedOn: referenceReviews.reviewedOn,
      note: referenceReviews.note,
      reviewedAt: referenceReviews.reviewedAt,
      reviewerName: users.displayName,
    })
    .from(referenceReviews)
    .leftJoin(users, eq(users.id, referenceReviews.reviewedBy))
    .orderBy(desc(referenceReviews.reviewedAt));
}

/** Records that an admin reviewed a file today, with the audit entry in the same transaction. */
export async function recordReview(
  db: Db,
  input: { file: string; note: string; actorId: string; now: Date },
): Promise<void> {
  const reviewedOn = input.now.toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    await tx.insert(referenceReviews).values({
      file: input.file,
      reviewedOn,
      note: input.note,
      reviewedBy: input.actorId,
      reviewedAt: input.now,
    });
    await appendAudit(tx, {
      actorId: input.actorId,
      action: 'reference_data.reviewed',
      targetType: 'reference_data',
      targetId: input.file,
      detail: { reviewedOn },
      at: input.now,
    });
  });
}
