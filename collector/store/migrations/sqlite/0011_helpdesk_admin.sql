-- 0011: the helpdesk's administration and its queue at scale.

-- A group can be kept out of the assignment lists (a department that only
-- requests), as GLPI's "assigned to" flag of a group.
ALTER TABLE user_groups ADD COLUMN assignable BOOLEAN NOT NULL DEFAULT TRUE;
-- An inactive category stays on its old tickets but is no longer offered.
ALTER TABLE itil_categories ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
-- Where a person works, so the queue can filter by the requester's
-- location as well as by the machine's.
ALTER TABLE users ADD COLUMN location_id INTEGER REFERENCES locations(id) ON DELETE SET NULL;
CREATE INDEX users_location ON users(location_id);

-- ticket_saved_searches are a user's named queue queries (the URL query
-- string, parsed again on use); shared ones are listed to everyone.
CREATE TABLE ticket_saved_searches (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    query      TEXT    NOT NULL,
    shared     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, name)
);
CREATE INDEX ticket_saved_searches_shared ON ticket_saved_searches(shared);

-- The queue's common shapes at 100,000 tickets (BenchmarkTicketQueue):
-- each index lets the database read a page in order and skip the rows of
-- a deep page inside the index, rather than sort or read whole rows.
-- Open tickets by last update (status is in the index, so "open" is
-- checked without reading the row):
DROP INDEX tickets_updated;
CREATE INDEX tickets_updated ON tickets(updated_at, id, status);
-- One status (a counter's link) by last update or by age:
CREATE INDEX tickets_status_updated ON tickets(status, updated_at, id);
CREATE INDEX tickets_status_opened ON tickets(status, opened_at, id);
-- A category, with or without a status, by last update (and counted
-- without reading the rows):
DROP INDEX tickets_category;
CREATE INDEX tickets_category ON tickets(category_id, status, updated_at, id);
-- The queue sorted by priority:
CREATE INDEX tickets_priority ON tickets(priority, id);
-- Late tickets (past their due date), few of all:
CREATE INDEX tickets_due ON tickets(due_at, status) WHERE due_at IS NOT NULL;
-- Text search is LIKE '%word%' on search_text: no index can seek it, but
-- scanning this narrow covering index reads a third of the table.
CREATE INDEX tickets_search ON tickets(search_text);
