CREATE TABLE "case_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"destination_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"filed_on" date NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"ruleset" text NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"risk_level" text NOT NULL,
	"assessment_enc" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_cleared_flags" (
	"case_id" uuid NOT NULL,
	"flag_id" text NOT NULL,
	"cleared_by" uuid,
	"cleared_at" timestamp with time zone NOT NULL,
	"reason_enc" text NOT NULL,
	CONSTRAINT "case_cleared_flags_case_id_flag_id_pk" PRIMARY KEY("case_id","flag_id")
);
--> statement-breakpoint
CREATE TABLE "case_criminal_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"article" text NOT NULL,
	"part" text,
	"opened_on" date,
	"stage" text NOT NULL,
	"evidence_seen" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_current_stay" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"since" date NOT NULL,
	"basis" text NOT NULL,
	"stay_ends_on" date,
	"incidents" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_deployments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"region" text NOT NULL,
	"place_enc" text,
	"role" text,
	"ended_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_desertion" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"left_on" date,
	"manner" text NOT NULL,
	"statement_enc" text
);
--> statement-breakpoint
CREATE TABLE "case_destinations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"country" text NOT NULL,
	"pathway" text NOT NULL,
	"employer_offer" boolean
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"seen" text NOT NULL,
	"validity" text NOT NULL,
	"authenticity" text NOT NULL,
	"expires_on" date,
	"note_enc" text
);
--> statement-breakpoint
CREATE TABLE "case_interviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"held_on" date NOT NULL,
	"language" text NOT NULL,
	"minutes" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_knowledge_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"topic_enc" text NOT NULL,
	"result" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_open_source_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"source" text NOT NULL,
	"result" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_persecution" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"wanted_list" text NOT NULL,
	"family_pressure" boolean
);
--> statement-breakpoint
CREATE TABLE "case_person" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"full_name_enc" text,
	"full_name_native_enc" text,
	"date_of_birth_enc" text,
	"citizenships" text[] NOT NULL,
	"family_at_risk" boolean,
	"dependants_enc" text
);
--> statement-breakpoint
CREATE TABLE "case_reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_route_legs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"leg_on" date NOT NULL,
	"from_country" text NOT NULL,
	"to_country" text NOT NULL,
	"mode" text NOT NULL,
	"document_used" text NOT NULL,
	"incident" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_screening" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"witnessed_abuses" boolean NOT NULL,
	"admits_participation" boolean NOT NULL,
	"security_indicators" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_section_versions" (
	"case_id" uuid NOT NULL,
	"section" text NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_section_versions_case_id_section_pk" PRIMARY KEY("case_id","section")
);
--> statement-breakpoint
CREATE TABLE "case_service" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"service_type" text NOT NULL,
	"branch" text NOT NULL,
	"unit_enc" text,
	"unit_number_enc" text,
	"rank_enc" text,
	"role" text NOT NULL,
	"enlisted_on" date,
	"coerced" boolean
);
--> statement-breakpoint
CREATE TABLE "case_verification" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"unit_cross_check" text NOT NULL,
	"social_media" text NOT NULL,
	"vouched_by" text[]
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'intake' NOT NULL,
	"pseudonym" text NOT NULL,
	"assigned_to" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"action" text,
	"risk_level" text,
	"risk_rank" integer DEFAULT 0 NOT NULL,
	"flag_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"stay_ends_on" date,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "case_applications" ADD CONSTRAINT "case_applications_destination_id_case_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."case_destinations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_applications" ADD CONSTRAINT "case_applications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cleared_flags" ADD CONSTRAINT "case_cleared_flags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cleared_flags" ADD CONSTRAINT "case_cleared_flags_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_criminal_cases" ADD CONSTRAINT "case_criminal_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_current_stay" ADD CONSTRAINT "case_current_stay_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_deployments" ADD CONSTRAINT "case_deployments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_desertion" ADD CONSTRAINT "case_desertion_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_destinations" ADD CONSTRAINT "case_destinations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interviews" ADD CONSTRAINT "case_interviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_knowledge_checks" ADD CONSTRAINT "case_knowledge_checks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_open_source_checks" ADD CONSTRAINT "case_open_source_checks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_persecution" ADD CONSTRAINT "case_persecution_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person" ADD CONSTRAINT "case_person_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_route_legs" ADD CONSTRAINT "case_route_legs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_screening" ADD CONSTRAINT "case_screening_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_section_versions" ADD CONSTRAINT "case_section_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_section_versions" ADD CONSTRAINT "case_section_versions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_service" ADD CONSTRAINT "case_service_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_verification" ADD CONSTRAINT "case_verification_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_applications_destination_idx" ON "case_applications" USING btree ("destination_id","position");--> statement-breakpoint
CREATE INDEX "case_assessments_case_idx" ON "case_assessments" USING btree ("case_id","evaluated_at");--> statement-breakpoint
CREATE INDEX "case_criminal_cases_case_idx" ON "case_criminal_cases" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_deployments_case_idx" ON "case_deployments" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_destinations_case_idx" ON "case_destinations" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_interviews_case_idx" ON "case_interviews" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_knowledge_checks_case_idx" ON "case_knowledge_checks" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_open_source_checks_case_idx" ON "case_open_source_checks" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "case_route_legs_case_idx" ON "case_route_legs" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "cases_assigned_idx" ON "cases" USING btree ("assigned_to","updated_at");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "cases_stay_idx" ON "cases" USING btree ("stay_ends_on");--> statement-breakpoint
CREATE INDEX "cases_risk_idx" ON "cases" USING btree ("risk_rank","updated_at");