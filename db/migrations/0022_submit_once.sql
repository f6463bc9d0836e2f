-- Each creating form is sent at most once per form instance (server/http/once.ts): the first submission
-- claims its one-time token here before any work is done, and the page it led to is recorded so that a second
-- submission (double click, reload, back and send again) is shown that page instead of creating anything.
-- Only a hash of the token is kept. Rows expire and are removed as new ones are claimed.
CREATE TABLE "form_submissions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid REFERENCES "users"("id") ON DELETE CASCADE,
	"result" text,
	"claimed_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "form_submissions_expires_idx" ON "form_submissions" USING btree ("expires_at");
