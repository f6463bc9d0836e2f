-- List entries keep their ids: a save writes every entry back under the id it was read with (server/cases/
-- entries.ts), so forms and URLs name entries by id and positions are only their order. The list tables have
-- had a uuid id from the start; dependants, held inside the encrypted person record, carry theirs in it (an
-- older record gives each one an id derived from its place until the next save stores them).
-- A scan now names its document entry by that id instead of by position, so it follows its entry when
-- others are removed or moved. Backfilled from the place and type each scan was attached at; a scan whose
-- entry has changed type since stays with the case as a whole, as before.
ALTER TABLE "case_attachments" ADD COLUMN "document_id" uuid;--> statement-breakpoint
UPDATE "case_attachments" AS a SET "document_id" = d."id" FROM "case_documents" AS d WHERE d."case_id" = a."case_id" AND d."position" = a."document_position" AND d."type" = a."document_type";--> statement-breakpoint
ALTER TABLE "case_attachments" DROP COLUMN "document_position";
