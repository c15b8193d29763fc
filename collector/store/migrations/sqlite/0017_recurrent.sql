-- 0017: recurrent tickets (GLPI's TicketRecurrent): a ticket template and
-- a period; a scheduled job opens one ticket per occurrence, ahead_days
-- before it. next_at is the next occurrence to open (NULL once the end
-- date is passed); the job moves it with a conditional UPDATE, so two
-- collectors never open the same occurrence twice.
CREATE TABLE recurrent_tickets (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    content            TEXT    NOT NULL DEFAULT '',
    type               INTEGER NOT NULL,
    category_id        INTEGER REFERENCES itil_categories(id) ON DELETE SET NULL,
    urgency            INTEGER NOT NULL,
    impact             INTEGER NOT NULL,
    requester_group_id INTEGER REFERENCES user_groups(id) ON DELETE SET NULL,
    assign_group_id    INTEGER REFERENCES user_groups(id) ON DELETE SET NULL,
    period             TEXT    NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly', 'days')),
    every_days         INTEGER NOT NULL DEFAULT 1 CHECK (every_days >= 1),
    begin_at           INTEGER NOT NULL,
    end_at             INTEGER,
    ahead_days         INTEGER NOT NULL DEFAULT 0 CHECK (ahead_days >= 0),
    active             INTEGER NOT NULL DEFAULT 1,
    next_at            INTEGER,
    last_ticket_id     INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    created_at         INTEGER NOT NULL
);
CREATE INDEX recurrent_tickets_next ON recurrent_tickets(next_at) WHERE next_at IS NOT NULL;

-- The assets each opened ticket is linked to.
CREATE TABLE recurrent_ticket_assets (
    recurrent_id INTEGER NOT NULL REFERENCES recurrent_tickets(id) ON DELETE CASCADE,
    asset_id     INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    PRIMARY KEY (recurrent_id, asset_id)
);
