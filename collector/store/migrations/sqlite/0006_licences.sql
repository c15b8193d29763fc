-- 0006: software licences. A licence grants seats for one software of the
-- catalogue; the assets that have any version of that software installed
-- use them, and more assets than the seats of the software's licences
-- still valid is over-use. Licences are purchase records: deleting the
-- software from the catalogue is refused while a licence points at it.
CREATE TABLE licences (
    id          INTEGER PRIMARY KEY,
    software_id INTEGER NOT NULL REFERENCES software(id),
    name        TEXT    NOT NULL,
    seats       INTEGER NOT NULL CHECK (seats >= 0),
    -- expires_on is "YYYY-MM-DD", '' for a perpetual licence; a licence
    -- expired before today grants no seats.
    expires_on  TEXT    NOT NULL DEFAULT '',
    comment     TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL
);
CREATE INDEX licences_software ON licences(software_id);
