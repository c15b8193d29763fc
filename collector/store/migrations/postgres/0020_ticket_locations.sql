-- 0020: the queue's location filter ("tickets about an asset at this
-- location, or requested by someone working there") reads one index of
-- ticket_locations instead of joining every linked asset and requester
-- of the helpdesk (53 ms p95 at 100,000 tickets on PostgreSQL, 43 ms on
-- SQLite, most of it hashing 50,000 ticket-asset links per query).

CREATE TABLE ticket_locations (
    location_id BIGINT NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    ticket_id   BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    PRIMARY KEY (location_id, ticket_id)
);
CREATE INDEX ticket_locations_ticket ON ticket_locations(ticket_id);

-- tickets_location_refresh recomputes the places of some tickets: the
-- locations of their assets and of their requesters. The join on
-- tickets leaves out a ticket being deleted (its links go with it, by
-- cascade, after the row).
CREATE FUNCTION tickets_location_refresh(ids BIGINT[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM ticket_locations WHERE ticket_id = ANY (ids);
    INSERT INTO ticket_locations (location_id, ticket_id)
    SELECT a.location_id, ta.ticket_id FROM ticket_assets ta JOIN assets a ON a.id = ta.asset_id
        JOIN tickets t ON t.id = ta.ticket_id
        WHERE ta.ticket_id = ANY (ids) AND a.location_id IS NOT NULL
    UNION
    SELECT u.location_id, ra.ticket_id FROM ticket_actors ra JOIN users u ON u.id = ra.user_id
        JOIN tickets t ON t.id = ra.ticket_id
        WHERE ra.ticket_id = ANY (ids) AND ra.kind = 1 AND u.location_id IS NOT NULL
    ON CONFLICT DO NOTHING;
$$;

INSERT INTO ticket_locations (location_id, ticket_id)
SELECT a.location_id, ta.ticket_id FROM ticket_assets ta JOIN assets a ON a.id = ta.asset_id
    WHERE a.location_id IS NOT NULL
UNION
SELECT u.location_id, ra.ticket_id FROM ticket_actors ra JOIN users u ON u.id = ra.user_id
    WHERE ra.kind = 1 AND u.location_id IS NOT NULL;

-- Kept by triggers rather than by each write path, so that no path (a
-- ticket from a form, a mail or a recurrence, an asset moved by a
-- technician, a user's place changed by an LDAP import) can forget it.
-- A link added adds its place; anything else recomputes the tickets it
-- touches. Statement triggers: a bulk insert refreshes once.
CREATE FUNCTION ticket_assets_location_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO ticket_locations (location_id, ticket_id)
        SELECT DISTINCT a.location_id, n.ticket_id FROM new_rows n JOIN assets a ON a.id = n.asset_id
        WHERE a.location_id IS NOT NULL
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM tickets_location_refresh(ARRAY(SELECT DISTINCT ticket_id FROM old_rows));
    ELSE
        PERFORM tickets_location_refresh(ARRAY(SELECT ticket_id FROM old_rows UNION SELECT ticket_id FROM new_rows));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER ticket_assets_location_insert AFTER INSERT ON ticket_assets
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_assets_location_trigger();
CREATE TRIGGER ticket_assets_location_delete AFTER DELETE ON ticket_assets
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_assets_location_trigger();
CREATE TRIGGER ticket_assets_location_update AFTER UPDATE ON ticket_assets
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_assets_location_trigger();

CREATE FUNCTION ticket_actors_location_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO ticket_locations (location_id, ticket_id)
        SELECT DISTINCT u.location_id, n.ticket_id FROM new_rows n JOIN users u ON u.id = n.user_id
        WHERE n.kind = 1 AND u.location_id IS NOT NULL
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM tickets_location_refresh(ARRAY(SELECT DISTINCT ticket_id FROM old_rows WHERE kind = 1 AND user_id IS NOT NULL));
    ELSE
        PERFORM tickets_location_refresh(ARRAY(
            SELECT o.ticket_id FROM old_rows o WHERE o.kind = 1
            UNION SELECT n.ticket_id FROM new_rows n WHERE n.kind = 1));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER ticket_actors_location_insert AFTER INSERT ON ticket_actors
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_actors_location_trigger();
CREATE TRIGGER ticket_actors_location_delete AFTER DELETE ON ticket_actors
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_actors_location_trigger();
CREATE TRIGGER ticket_actors_location_update AFTER UPDATE ON ticket_actors
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_actors_location_trigger();

CREATE FUNCTION assets_ticket_location_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tickets_location_refresh(ARRAY(SELECT ticket_id FROM ticket_assets WHERE asset_id = NEW.id));
    RETURN NULL;
END
$$;
CREATE TRIGGER assets_ticket_location AFTER UPDATE OF location_id ON assets
    FOR EACH ROW WHEN (OLD.location_id IS DISTINCT FROM NEW.location_id)
    EXECUTE FUNCTION assets_ticket_location_trigger();

CREATE FUNCTION users_ticket_location_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tickets_location_refresh(ARRAY(SELECT ticket_id FROM ticket_actors WHERE user_id = NEW.id AND kind = 1));
    RETURN NULL;
END
$$;
CREATE TRIGGER users_ticket_location AFTER UPDATE OF location_id ON users
    FOR EACH ROW WHEN (OLD.location_id IS DISTINCT FROM NEW.location_id)
    EXECUTE FUNCTION users_ticket_location_trigger();
