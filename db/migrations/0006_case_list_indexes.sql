DROP INDEX "cases_assigned_idx";--> statement-breakpoint
DROP INDEX "cases_queue_idx";--> statement-breakpoint
DROP INDEX "cases_status_idx";--> statement-breakpoint
CREATE INDEX "cases_caseload_idx" ON "cases" USING btree ("assigned_to","updated_at","status","risk_level","action");--> statement-breakpoint
CREATE INDEX "cases_caseload_stay_idx" ON "cases" USING btree ("assigned_to","stay_ends_on","updated_at","status","risk_level","action");--> statement-breakpoint
CREATE INDEX "cases_risk_level_idx" ON "cases" USING btree ("risk_level","updated_at","status","action","assigned_to");--> statement-breakpoint
CREATE INDEX "cases_action_idx" ON "cases" USING btree ("action","updated_at","status","risk_level","assigned_to");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","updated_at","risk_level","action","assigned_to");