-- 0014: ticket approvals (GLPI's ticket validations), apart from the
-- requester's approval of a solution (ticket_solutions.status).

-- ticket_approvals: one row per user asked to approve a ticket. A group
-- asked is expanded to its members when asked; group_id remembers
-- through which group. status keeps GLPI's codes: 2 waiting, 3 accepted,
-- 4 refused; an answer is given once (answered_at, answer_comment).
CREATE TABLE ticket_approvals (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    approver_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_id        INTEGER REFERENCES user_groups(id) ON DELETE SET NULL,
    requested_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    requested_at    INTEGER NOT NULL,
    request_comment TEXT    NOT NULL DEFAULT '',
    status          INTEGER NOT NULL DEFAULT 2 CHECK (status IN (2, 3, 4)),
    answered_at     INTEGER,
    answer_comment  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX ticket_approvals_ticket ON ticket_approvals(ticket_id, id);
-- "To validate": the approvals waiting for one user.
CREATE INDEX ticket_approvals_approver ON ticket_approvals(approver_id, status, ticket_id);
-- A user is asked at most once at a time about a ticket.
CREATE UNIQUE INDEX ticket_approvals_waiting ON ticket_approvals(ticket_id, approver_id) WHERE status = 2;

-- The ticket's approval rule and state: validation_percent is the
-- minimum share of approvals (0, 50, 100; 0 = one answer decides) and
-- global_validation the state derived from the answers (1 none, 2
-- waiting, 3 accepted, 4 refused), kept on the ticket for lists.
ALTER TABLE tickets ADD COLUMN validation_percent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN global_validation INTEGER NOT NULL DEFAULT 1;
