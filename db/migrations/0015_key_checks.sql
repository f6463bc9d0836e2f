-- One check value per encryption key version ever used: a known text encrypted with that version. At start-up
-- and in /healthz the configured keys must open every one, so a removed old key or the wrong key (a wrong
-- DATA_DIR, a lost key file) stops the app with one clear line instead of 500s on old cases.
CREATE TABLE "key_checks" (
	"version" integer PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
