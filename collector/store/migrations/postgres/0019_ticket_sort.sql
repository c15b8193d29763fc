-- 0019: the queue's sort by requester or assignee reads a key stored on
-- the ticket row instead of computing every ticket's first actor's name
-- (675 ms p95 at 100,000 tickets on PostgreSQL, 68.7 ms on SQLite).
-- The key is the lower-cased name of the ticket's first actor of that
-- kind (user's name, else login, else group name), NULL when none, so the
-- order is the one the subquery gave, without case mattering.
ALTER TABLE tickets ADD COLUMN requester_sort TEXT;
ALTER TABLE tickets ADD COLUMN assignee_sort TEXT;

-- ticket_actor_sort_name is the sort name of a ticket's first actor of
-- one kind.
CREATE FUNCTION ticket_actor_sort_name(tid BIGINT, k INTEGER) RETURNS TEXT
LANGUAGE sql STABLE AS $$
    SELECT lower(COALESCE(NULLIF(u.name, ''), u.login, g.name))
    FROM ticket_actors a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN user_groups g ON g.id = a.group_id
    WHERE a.ticket_id = tid AND a.kind = k ORDER BY a.id LIMIT 1
$$;

UPDATE tickets SET requester_sort = ticket_actor_sort_name(id, 1), assignee_sort = ticket_actor_sort_name(id, 2);

-- The keys are kept by triggers rather than by each write path, so no
-- path (a ticket created by mail, a form, a recurrence, an LDAP import
-- renaming users, a user deleted with their actor rows) can forget them.
-- The actor triggers run once per statement over its transition table:
-- a bulk insert of actors (an import) refreshes each ticket once, in one
-- UPDATE, rather than running a function per row.
-- tickets_sort_refresh recomputes the keys of the given tickets in one
-- statement: joins rather than a function call per ticket, so a bulk
-- insert (100,000 actors in the benchmarks' seed, whose tables have no
-- statistics yet) is hashed once instead of searched 100,000 times.
CREATE FUNCTION tickets_sort_refresh(ids BIGINT[]) RETURNS void
LANGUAGE sql AS $$
    WITH changed AS (SELECT DISTINCT x.id FROM unnest(ids) AS x(id)),
    firsts AS (
        SELECT DISTINCT ON (a.ticket_id, a.kind) a.ticket_id, a.kind,
            lower(COALESCE(NULLIF(u.name, ''), u.login, g.name)) AS sort_name
        FROM changed c JOIN ticket_actors a ON a.ticket_id = c.id
        LEFT JOIN users u ON u.id = a.user_id LEFT JOIN user_groups g ON g.id = a.group_id
        WHERE a.kind IN (1, 2)
        ORDER BY a.ticket_id, a.kind, a.id),
    k AS (
        SELECT c.id, max(f.sort_name) FILTER (WHERE f.kind = 1) AS r, max(f.sort_name) FILTER (WHERE f.kind = 2) AS a
        FROM changed c LEFT JOIN firsts f ON f.ticket_id = c.id GROUP BY c.id)
    UPDATE tickets t SET requester_sort = k.r, assignee_sort = k.a
    FROM k
    WHERE t.id = k.id AND (t.requester_sort IS DISTINCT FROM k.r OR t.assignee_sort IS DISTINCT FROM k.a)
$$;

CREATE FUNCTION ticket_actors_sort_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM tickets_sort_refresh(ARRAY(SELECT ticket_id FROM changed_rows UNION SELECT ticket_id FROM old_rows));
    ELSE
        PERFORM tickets_sort_refresh(ARRAY(SELECT DISTINCT ticket_id FROM changed_rows WHERE kind IN (1, 2)));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER ticket_actors_sort_insert AFTER INSERT ON ticket_actors
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_actors_sort_trigger();
CREATE TRIGGER ticket_actors_sort_delete AFTER DELETE ON ticket_actors
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_actors_sort_trigger();
CREATE TRIGGER ticket_actors_sort_update AFTER UPDATE ON ticket_actors
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_actors_sort_trigger();

CREATE FUNCTION users_sort_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tickets_sort_refresh(ARRAY(SELECT DISTINCT a.ticket_id FROM ticket_actors a
        WHERE a.user_id = NEW.id AND a.kind IN (1, 2)));
    RETURN NULL;
END
$$;
CREATE TRIGGER users_sort_rename AFTER UPDATE OF name, login ON users
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.login IS DISTINCT FROM NEW.login)
    EXECUTE FUNCTION users_sort_trigger();

CREATE FUNCTION user_groups_sort_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tickets_sort_refresh(ARRAY(SELECT DISTINCT a.ticket_id FROM ticket_actors a
        WHERE a.group_id = NEW.id AND a.kind IN (1, 2)));
    RETURN NULL;
END
$$;
CREATE TRIGGER user_groups_sort_rename AFTER UPDATE OF name ON user_groups
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION user_groups_sort_trigger();

-- The queue sorted by requester or assignee reads a page in order from
-- these (status included: "open" is checked without reading the row).
CREATE INDEX tickets_requester_sort ON tickets(requester_sort, id, status);
CREATE INDEX tickets_assignee_sort ON tickets(assignee_sort, id, status);

-- The queue of one assignee group (or user): counting its open tickets
-- probes this index once per actor row, without reading a ticket (before,
-- PostgreSQL hashed every open ticket: 92.5 ms p95 for my_group).
CREATE INDEX tickets_id_status ON tickets(id, status);
-- No parallel scans of tickets: the queue reads pages of 50, and starting
-- workers cost more than they saved (a group's page: 46-69 ms with two
-- workers on a busy machine, 3-20 ms without). A full scan of 100,000
-- tickets takes a few milliseconds on one core anyway.
ALTER TABLE tickets SET (parallel_workers = 0);

-- An account an admin created or reset (with a one-time password), or
-- made by "parc-collector user add --must-change", must set its own
-- password before it may use any other page.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
