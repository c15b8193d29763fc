-- 0005: the helpdesk. Codes follow GLPI so a site's data can be migrated:
-- ticket status 1 new .. 6 closed, type 1 incident / 2 request, actor
-- kind 1 requester / 2 assignee / 3 observer, approval 1 none / 2 waiting
-- / 3 accepted / 4 refused, task state 0 information / 1 to do / 2 done.

-- user_groups are teams of users (a technicians' group can be assigned a
-- ticket; a department can request one).
CREATE TABLE user_groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    comment    TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE TABLE user_group_members (
    group_id INTEGER NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX user_group_members_user ON user_group_members(user_id);

-- itil_categories is a tree; group_id is the group a new ticket of this
-- category is assigned to.
CREATE TABLE itil_categories (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES itil_categories(id) ON DELETE RESTRICT,
    name      TEXT    NOT NULL,
    group_id  INTEGER REFERENCES user_groups(id) ON DELETE SET NULL
);
CREATE INDEX itil_categories_parent ON itil_categories(parent_id);

CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL,
    content     TEXT    NOT NULL DEFAULT '',
    type        INTEGER NOT NULL,
    status      INTEGER NOT NULL,
    urgency     INTEGER NOT NULL,
    impact      INTEGER NOT NULL,
    priority    INTEGER NOT NULL,
    category_id INTEGER REFERENCES itil_categories(id) ON DELETE SET NULL,
    approval    INTEGER NOT NULL DEFAULT 1,
    created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    search_text TEXT    NOT NULL DEFAULT '',
    opened_at   INTEGER NOT NULL,
    taken_at    INTEGER,
    solved_at   INTEGER,
    closed_at   INTEGER,
    due_at      INTEGER,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX tickets_status   ON tickets(status, priority);
CREATE INDEX tickets_opened   ON tickets(opened_at);
CREATE INDEX tickets_updated  ON tickets(updated_at);
CREATE INDEX tickets_category ON tickets(category_id);
CREATE INDEX tickets_solved   ON tickets(status, solved_at);

-- ticket_actors: exactly one of user_id and group_id is set.
CREATE TABLE ticket_actors (
    id        INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    kind      INTEGER NOT NULL,
    user_id   INTEGER REFERENCES users(id) ON DELETE CASCADE,
    group_id  INTEGER REFERENCES user_groups(id) ON DELETE CASCADE,
    CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX ticket_actors_user  ON ticket_actors(ticket_id, kind, user_id);
CREATE UNIQUE INDEX ticket_actors_group ON ticket_actors(ticket_id, kind, group_id);
CREATE INDEX ticket_actors_by_user  ON ticket_actors(user_id, kind, ticket_id);
CREATE INDEX ticket_actors_by_group ON ticket_actors(group_id, kind, ticket_id);

CREATE TABLE ticket_followups (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    user_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    content    TEXT    NOT NULL,
    private    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at INTEGER NOT NULL
);
CREATE INDEX ticket_followups_ticket ON ticket_followups(ticket_id, id);

CREATE TABLE ticket_tasks (
    id            INTEGER PRIMARY KEY,
    ticket_id     INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    user_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,
    content       TEXT    NOT NULL,
    duration_s    INTEGER NOT NULL DEFAULT 0,
    planned_start INTEGER,
    planned_end   INTEGER,
    state         INTEGER NOT NULL DEFAULT 1,
    private       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    INTEGER NOT NULL
);
CREATE INDEX ticket_tasks_ticket ON ticket_tasks(ticket_id, id);

-- ticket_solutions: type is a solution type key ("fixed", "workaround"...);
-- status is the approval state.
CREATE TABLE ticket_solutions (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    type        TEXT    NOT NULL DEFAULT '',
    content     TEXT    NOT NULL,
    status      INTEGER NOT NULL DEFAULT 2,
    approver_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    approval_comment TEXT NOT NULL DEFAULT '',
    approved_at INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX ticket_solutions_ticket ON ticket_solutions(ticket_id, id);

CREATE TABLE ticket_assets (
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    asset_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    PRIMARY KEY (ticket_id, asset_id)
);
CREATE INDEX ticket_assets_asset ON ticket_assets(asset_id, ticket_id);

-- ticket_documents keep their content in the database, so several
-- collectors sharing one PostgreSQL serve every document without a
-- shared directory (the size limit keeps rows reasonable).
CREATE TABLE ticket_documents (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    followup_id INTEGER REFERENCES ticket_followups(id) ON DELETE SET NULL,
    user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    filename    TEXT    NOT NULL,
    mime        TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT    NOT NULL,
    content     BLOB    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX ticket_documents_ticket ON ticket_documents(ticket_id, id);

CREATE TABLE ticket_history (
    id        INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    actor     TEXT    NOT NULL,
    field     TEXT    NOT NULL,
    old_value TEXT    NOT NULL DEFAULT '',
    new_value TEXT    NOT NULL DEFAULT '',
    at        INTEGER NOT NULL
);
CREATE INDEX ticket_history_ticket ON ticket_history(ticket_id, id);

-- The self-service device list looks assets up by their last user.
CREATE INDEX assets_last_user ON assets(lower(last_user));
