-- 0003: one lower-case search column per asset, so the park list's text
-- search is one LIKE per row instead of ten. Kept up to date by the store
-- on every asset write. With the pg_trgm extension (trusted, in Debian's
-- postgresql package) a trigram index serves LIKE '%word%'; without it the
-- search still works, by scanning.
ALTER TABLE assets ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE assets SET search_text = lower(name || ' ' || serial || ' ' || inventory_number || ' ' || model || ' ' ||
    manufacturer || ' ' || os_name || ' ' || last_user || ' ' || uuid || ' ' || ip);
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
    CREATE INDEX assets_search_trgm ON assets USING gin (search_text public.gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm unavailable (%); asset search will scan', SQLERRM;
END
$$;
