-- 0012: mail to ticket.

-- mail_inbound remembers every mail the collector's mailbox gave it, by
-- Message-ID, so a restart (or a second collector polling the same
-- mailbox) never turns one mail into two tickets or two followups.
CREATE TABLE mail_inbound (
    message_id  TEXT    PRIMARY KEY,
    sender      TEXT    NOT NULL,
    ticket_id   BIGINT REFERENCES tickets(id) ON DELETE SET NULL,
    outcome     TEXT    NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX mail_inbound_received ON mail_inbound(received_at);
