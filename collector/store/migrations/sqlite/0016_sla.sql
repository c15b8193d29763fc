-- 0016: service levels (GLPI's SLM). A calendar says when the helpdesk
-- works; a rule gives a time to own (tto) or to resolve (ttr) in business
-- time for the tickets of a category and/or priority; ticket_slas keeps
-- each ticket's deadlines. The TTR deadline is also written to
-- tickets.due_at, so the queue's "late" filter and the statistics see it.

-- sla_calendars: timezone is an IANA name ('' for the server's zone).
CREATE TABLE sla_calendars (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    timezone TEXT NOT NULL DEFAULT ''
);

-- Opening hours: minutes from local midnight, weekday 0 Sunday .. 6
-- Saturday. A calendar without segments is open 24/7 except holidays.
CREATE TABLE sla_calendar_segments (
    calendar_id INTEGER NOT NULL REFERENCES sla_calendars(id) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_min   INTEGER NOT NULL,
    end_min     INTEGER NOT NULL,
    CHECK (start_min >= 0 AND start_min < end_min AND end_min <= 1440)
);
CREATE INDEX sla_calendar_segments_calendar ON sla_calendar_segments(calendar_id);

-- Holidays: inclusive day ranges 'YYYY-MM-DD', or 'MM-DD' when yearly.
CREATE TABLE sla_calendar_holidays (
    id          INTEGER PRIMARY KEY,
    calendar_id INTEGER NOT NULL REFERENCES sla_calendars(id) ON DELETE CASCADE,
    from_day    TEXT    NOT NULL,
    to_day      TEXT    NOT NULL,
    yearly      INTEGER NOT NULL DEFAULT 0,
    name        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sla_calendar_holidays_calendar ON sla_calendar_holidays(calendar_id);

-- sla_rules: category_id and priority 0/NULL mean "any"; the most
-- specific rule of a kind wins (package sla, Match). warn_ms is how long
-- before the deadline the escalation warns (0: never).
CREATE TABLE sla_rules (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('tto', 'ttr')),
    duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
    calendar_id INTEGER REFERENCES sla_calendars(id) ON DELETE RESTRICT,
    category_id INTEGER REFERENCES itil_categories(id) ON DELETE CASCADE,
    priority    INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 6),
    warn_ms     INTEGER NOT NULL DEFAULT 0 CHECK (warn_ms >= 0)
);

-- ticket_slas: one row per ticket a rule applied to. category_id and
-- priority are the values the deadlines were computed for (a change
-- recomputes them); paused_ms is the business time spent pending so far,
-- pending_since the start of the current pending stretch; *_warn_at is
-- the deadline minus the rule's warning delay, *_warned_at when the
-- escalation warned.
CREATE TABLE ticket_slas (
    ticket_id     INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
    category_id   INTEGER,
    priority      INTEGER NOT NULL,
    tto_rule_id   INTEGER REFERENCES sla_rules(id) ON DELETE SET NULL,
    ttr_rule_id   INTEGER REFERENCES sla_rules(id) ON DELETE SET NULL,
    tto_due_at    INTEGER,
    ttr_due_at    INTEGER,
    pending_since INTEGER,
    paused_ms     INTEGER NOT NULL DEFAULT 0,
    tto_warn_at   INTEGER,
    ttr_warn_at   INTEGER,
    tto_warned_at INTEGER,
    ttr_warned_at INTEGER
);
CREATE INDEX ticket_slas_tto_warn ON ticket_slas(tto_warn_at) WHERE tto_warned_at IS NULL AND tto_warn_at IS NOT NULL;
CREATE INDEX ticket_slas_ttr_warn ON ticket_slas(ttr_warn_at) WHERE ttr_warned_at IS NULL AND ttr_warn_at IS NOT NULL;
CREATE INDEX ticket_slas_tto_due ON ticket_slas(tto_due_at) WHERE tto_due_at IS NOT NULL;
