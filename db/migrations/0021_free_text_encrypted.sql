-- Every free-text field of the case format is encrypted at rest. An application's type was stored in
-- plaintext: its new home is type_enc, and the old column is emptied at start-up (server/cases/plaintext.ts
-- encrypts each value with the app's key, which SQL does not hold), then may be dropped by a later migration.
-- A document's number (documents[].number, new in the case format) is encrypted from the start.
ALTER TABLE "case_applications" ADD COLUMN "type_enc" text;
--> statement-breakpoint
ALTER TABLE "case_applications" ALTER COLUMN "type" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "case_documents" ADD COLUMN "number_enc" text;
