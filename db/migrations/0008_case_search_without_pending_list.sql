-- Every save rewrites its case's row, and so adds the row again to every index on it, the trigram index of
-- the search included. GIN's default "fast update" parks those entries in a pending list that every search
-- then reads in full: after a few thousand saves a search took 8 ms instead of 0.8 ms at 100,000 cases
-- (bench/README.md), until a vacuum cleared it. Without the pending list each save pays for its own entries
-- (a fraction of a millisecond) and a search costs the same however busy the day was.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'cases_search_trgm_idx' AND relkind = 'i') THEN
    ALTER INDEX cases_search_trgm_idx SET (fastupdate = off);
    PERFORM gin_clean_pending_list('cases_search_trgm_idx'::regclass);
  END IF;
END $$;
