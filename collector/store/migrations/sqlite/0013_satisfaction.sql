-- 0013: satisfaction surveys and the helpdesk statistics.

-- ticket_satisfactions holds the requester's answer to the survey of a
-- closed ticket (GLPI's ticketsatisfactions): one per ticket, rated 1..5
-- with an optional comment; answered_at is the last answer's time.
CREATE TABLE ticket_satisfactions (
    ticket_id   INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
    user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT    NOT NULL DEFAULT '',
    answered_at INTEGER NOT NULL
);
CREATE INDEX ticket_satisfactions_answered ON ticket_satisfactions(answered_at);

-- The statistics read the tickets solved or closed in a date range.
CREATE INDEX tickets_solved_at ON tickets(solved_at) WHERE solved_at IS NOT NULL;
CREATE INDEX tickets_closed_at ON tickets(closed_at) WHERE closed_at IS NOT NULL;
-- The statistics' series and breakdowns read only these columns of the
-- tickets opened (or with an event) in a range: from the index alone.
CREATE INDEX tickets_stats ON tickets(opened_at, taken_at, solved_at, closed_at, due_at, category_id, id);
-- A ticket's first requester (by the location breakdown), in order
-- without a sort per ticket.
CREATE INDEX ticket_actors_ordered ON ticket_actors(ticket_id, kind, id, user_id);
