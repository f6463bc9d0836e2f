-- Every supervisor's decision is bound to the case as it was decided on: the case version, a digest of the
-- assessment and the case's contents then (encrypted, for the side-by-side "changed since the decision").
-- A standing verdict (approval, decline, closure) ends when it is superseded or withdrawn because the case
-- changed after it.
CREATE TABLE "case_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"case_version" integer NOT NULL,
	"assessment_digest" text,
	"detail" jsonb NOT NULL,
	"snapshot_enc" text NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"ended_version" integer,
	CONSTRAINT "case_decisions_ended_reason" CHECK ("case_decisions"."ended_reason" in ('superseded', 'case_changed')),
	CONSTRAINT "case_decisions_ended_together" CHECK (("case_decisions"."ended_at" is null) = ("case_decisions"."ended_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_decisions_case_idx" ON "case_decisions" USING btree ("case_id","decided_at");--> statement-breakpoint
-- At most one standing verdict per case.
CREATE UNIQUE INDEX "case_decisions_standing_idx" ON "case_decisions" USING btree ("case_id") WHERE "case_decisions"."ended_at" is null and "case_decisions"."action" in ('approve_referral', 'decline_referral', 'close');--> statement-breakpoint
-- Decisions an imported case file carried (today: flags cleared elsewhere). They are kept, with their origin,
-- as "cleared elsewhere: to be confirmed" and count as not taken until a reviewer confirms or upholds them.
CREATE TABLE "case_carried_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"origin_reference" text,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "case_carried_decisions_kind" CHECK ("case_carried_decisions"."kind" in ('flag_cleared')),
	CONSTRAINT "case_carried_decisions_resolution" CHECK ("case_carried_decisions"."resolution" in ('confirmed', 'upheld')),
	CONSTRAINT "case_carried_decisions_resolved_together" CHECK (("case_carried_decisions"."resolution" is null) = ("case_carried_decisions"."resolved_at" is null))
);
--> statement-breakpoint
ALTER TABLE "case_carried_decisions" ADD CONSTRAINT "case_carried_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_carried_decisions" ADD CONSTRAINT "case_carried_decisions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_carried_decisions" ADD CONSTRAINT "case_carried_decisions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_carried_decisions_subject_idx" ON "case_carried_decisions" USING btree ("case_id","kind","subject");--> statement-breakpoint
-- Clearances that earlier imports wrote in the importer's name (no flag_cleared event on the timeline) become
-- what they are: cleared elsewhere, to be confirmed. Each case's lists and queue catch up at its next save.
INSERT INTO "case_carried_decisions" ("id", "case_id", "kind", "subject", "origin_reference", "imported_by", "imported_at")
SELECT gen_random_uuid(), f."case_id", 'flag_cleared', f."flag_id", NULL, f."cleared_by", f."cleared_at"
FROM "case_cleared_flags" f
WHERE NOT EXISTS (
	SELECT 1 FROM "case_events" e
	WHERE e."case_id" = f."case_id" AND e."kind" = 'flag_cleared' AND e."detail"->>'flagId' = f."flag_id"
);--> statement-breakpoint
DELETE FROM "case_cleared_flags" f
WHERE NOT EXISTS (
	SELECT 1 FROM "case_events" e
	WHERE e."case_id" = f."case_id" AND e."kind" = 'flag_cleared' AND e."detail"->>'flagId' = f."flag_id"
);
