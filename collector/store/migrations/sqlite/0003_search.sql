-- 0003: one lower-case search column per asset, so the park list's text
-- search is one LIKE per row instead of ten. Kept up to date by the store
-- on every asset write.
ALTER TABLE assets ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE assets SET search_text = lower(name || ' ' || serial || ' ' || inventory_number || ' ' || model || ' ' ||
    manufacturer || ' ' || os_name || ' ' || last_user || ' ' || uuid || ' ' || ip);
-- A covering index: a search scans this narrow index, not the wide table.
CREATE INDEX assets_search ON assets(search_text);
