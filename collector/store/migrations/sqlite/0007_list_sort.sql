-- The park list filters by type and sorts by a column: with only
-- (type, name) the database sorted tens of thousands of wide rows for
-- "computers by last inventory" (393 ms p95 at 100,000 assets). One index
-- per common sort within a type lets it read the page in order.
CREATE INDEX assets_type_last_inv ON assets(type, last_inventory_at, id);
CREATE INDEX assets_type_os       ON assets(type, os_name, id);
CREATE INDEX assets_type_model    ON assets(type, model, id);
CREATE INDEX assets_type_created  ON assets(type, created_at, id);
