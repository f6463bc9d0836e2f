CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"document_position" integer,
	"document_type" text,
	"kind" text NOT NULL,
	"caption_enc" text,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"pages" integer NOT NULL,
	"width" integer,
	"height" integer,
	"has_thumbnail" boolean NOT NULL,
	"removed" text[] NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachment_chunks" (
	"attachment_id" uuid NOT NULL,
	"variant" text NOT NULL,
	"seq" integer NOT NULL,
	"key_version" integer NOT NULL,
	"sealed" bytea NOT NULL,
	CONSTRAINT "attachment_chunks_attachment_id_variant_seq_pk" PRIMARY KEY("attachment_id","variant","seq")
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment_chunks" ADD CONSTRAINT "attachment_chunks_attachment_id_case_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."case_attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id","added_at");--> statement-breakpoint
-- Sealed chunks are random bytes: compressing them is wasted work. Stored out of line, uncompressed.
ALTER TABLE "attachment_chunks" ALTER COLUMN "sealed" SET STORAGE EXTERNAL;
