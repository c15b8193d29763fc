-- 0001: the first schema. Times are INTEGER Unix milliseconds (UTC) in both
-- dialects, so comparisons and sorting behave the same everywhere.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    login         TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL DEFAULT '',
    email         TEXT    NOT NULL DEFAULT '',
    role          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL DEFAULT '',
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE sessions (
    id_hash    TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE settings (
    key        TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE locations (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES locations(id) ON DELETE RESTRICT,
    name      TEXT    NOT NULL
);
CREATE INDEX locations_parent ON locations(parent_id);

CREATE TABLE states (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL UNIQUE
);

CREATE TABLE assets (
    id                INTEGER PRIMARY KEY,
    type              TEXT    NOT NULL,
    name              TEXT    NOT NULL DEFAULT '',
    uuid              TEXT    NOT NULL DEFAULT '',
    serial            TEXT    NOT NULL DEFAULT '',
    manufacturer      TEXT    NOT NULL DEFAULT '',
    model             TEXT    NOT NULL DEFAULT '',
    chassis           TEXT    NOT NULL DEFAULT '',
    os_name           TEXT    NOT NULL DEFAULT '',
    os_version        TEXT    NOT NULL DEFAULT '',
    os_arch           TEXT    NOT NULL DEFAULT '',
    os_kernel         TEXT    NOT NULL DEFAULT '',
    domain            TEXT    NOT NULL DEFAULT '',
    last_user         TEXT    NOT NULL DEFAULT '',
    cpu               TEXT    NOT NULL DEFAULT '',
    memory_mb         INTEGER NOT NULL DEFAULT 0,
    firmware          TEXT    NOT NULL DEFAULT '',
    ip                TEXT    NOT NULL DEFAULT '',
    inventory_number  TEXT    NOT NULL DEFAULT '',
    comment           TEXT    NOT NULL DEFAULT '',
    location_id       INTEGER REFERENCES locations(id) ON DELETE SET NULL,
    state_id          INTEGER REFERENCES states(id) ON DELETE SET NULL,
    parent_id         INTEGER REFERENCES assets(id) ON DELETE SET NULL,
    owner_id          INTEGER REFERENCES users(id) ON DELETE SET NULL,
    purchase_date     TEXT    NOT NULL DEFAULT '',
    supplier          TEXT    NOT NULL DEFAULT '',
    order_number      TEXT    NOT NULL DEFAULT '',
    purchase_cents    INTEGER NOT NULL DEFAULT 0,
    warranty_end      TEXT    NOT NULL DEFAULT '',
    uuid_key          TEXT,
    serial_key        TEXT,
    name_key          TEXT,
    deviceid          TEXT    NOT NULL DEFAULT '',
    source            TEXT    NOT NULL DEFAULT '',
    last_inventory_at INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX assets_uuid_key   ON assets(type, uuid_key);
CREATE INDEX assets_serial_key ON assets(type, serial_key);
CREATE INDEX assets_name_key   ON assets(type, name_key);
CREATE INDEX assets_parent     ON assets(parent_id);
CREATE INDEX assets_type_name  ON assets(type, name);
CREATE INDEX assets_last_inv   ON assets(last_inventory_at);
CREATE INDEX assets_location   ON assets(location_id);
CREATE INDEX assets_owner      ON assets(owner_id);
CREATE INDEX assets_warranty   ON assets(warranty_end);

CREATE TABLE asset_macs (
    asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    mac      TEXT    NOT NULL,
    PRIMARY KEY (asset_id, mac)
);
CREATE INDEX asset_macs_mac ON asset_macs(mac);

CREATE TABLE agents (
    id              INTEGER PRIMARY KEY,
    deviceid        TEXT    NOT NULL UNIQUE,
    hostname        TEXT    NOT NULL DEFAULT '',
    tag             TEXT    NOT NULL DEFAULT '',
    token_hash      TEXT    NOT NULL UNIQUE,
    asset_id        INTEGER UNIQUE REFERENCES assets(id) ON DELETE SET NULL,
    version         TEXT    NOT NULL DEFAULT '',
    enrolled_at     INTEGER NOT NULL,
    last_contact_at INTEGER,
    last_full_at    INTEGER
);

CREATE TABLE asset_sections (
    asset_id   INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    section    TEXT    NOT NULL,
    hash       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (asset_id, section)
);

CREATE TABLE asset_components (
    id       INTEGER PRIMARY KEY,
    asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    section  TEXT    NOT NULL,
    item_key TEXT    NOT NULL,
    hash     TEXT    NOT NULL,
    data     TEXT    NOT NULL,
    UNIQUE (asset_id, section, item_key)
);

CREATE TABLE software (
    id        INTEGER PRIMARY KEY,
    name      TEXT    NOT NULL,
    publisher TEXT    NOT NULL DEFAULT '',
    UNIQUE (name, publisher)
);
CREATE INDEX software_name_lower ON software(lower(name));

CREATE TABLE software_versions (
    id          INTEGER PRIMARY KEY,
    software_id INTEGER NOT NULL REFERENCES software(id) ON DELETE CASCADE,
    version     TEXT    NOT NULL DEFAULT '',
    UNIQUE (software_id, version)
);

CREATE TABLE installations (
    asset_id     INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    version_id   INTEGER NOT NULL REFERENCES software_versions(id) ON DELETE CASCADE,
    arch         TEXT    NOT NULL DEFAULT '',
    install_date TEXT    NOT NULL DEFAULT '',
    source       TEXT    NOT NULL DEFAULT '',
    first_seen   INTEGER NOT NULL,
    PRIMARY KEY (asset_id, version_id, arch)
);
CREATE INDEX installations_version ON installations(version_id);

CREATE TABLE asset_history (
    id        INTEGER PRIMARY KEY,
    asset_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    actor     TEXT    NOT NULL,
    field     TEXT    NOT NULL,
    old_value TEXT    NOT NULL DEFAULT '',
    new_value TEXT    NOT NULL DEFAULT '',
    at        INTEGER NOT NULL
);
CREATE INDEX asset_history_asset ON asset_history(asset_id, id);

CREATE TABLE field_locks (
    asset_id        INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    field           TEXT    NOT NULL,
    locked_value    TEXT    NOT NULL DEFAULT '',
    inventory_value TEXT    NOT NULL DEFAULT '',
    locked_by       TEXT    NOT NULL,
    locked_at       INTEGER NOT NULL,
    PRIMARY KEY (asset_id, field)
);

CREATE TABLE processed_reports (
    agent_id  INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    report_id TEXT    NOT NULL,
    asset_id  INTEGER NOT NULL,
    response  TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (agent_id, report_id)
);
CREATE INDEX processed_reports_at ON processed_reports(at);
