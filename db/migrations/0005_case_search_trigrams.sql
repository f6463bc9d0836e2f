-- The case list's search (reference or pseudonym containing the term, ILIKE '%term%') reads a trigram index
-- where the pg_trgm extension is available (PostgreSQL ships it); without it (embedded PGlite, which holds
-- one office's cases) the search scans the table, as before. Custom migration: drizzle's schema cannot say
-- "only if the extension exists".
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available: case search scans the table';
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX cases_search_trgm_idx ON cases USING gin (reference gin_trgm_ops, pseudonym gin_trgm_ops);
  END IF;
END $$;
