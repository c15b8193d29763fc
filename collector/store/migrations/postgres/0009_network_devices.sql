-- 0009: network devices' ports and what sits behind them, printers' page
-- counters and supplies with their daily history (issue #4).

-- The ports of a network device (switch, printer...), one row per ifIndex,
-- rewritten only when the port changed (hash of its data).
CREATE TABLE net_ports (
    asset_id     BIGINT   NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    ifindex      BIGINT  NOT NULL,
    name         TEXT    NOT NULL DEFAULT '',
    descr        TEXT    NOT NULL DEFAULT '',
    alias        TEXT    NOT NULL DEFAULT '',
    iftype       BIGINT  NOT NULL DEFAULT 0,
    speed        BIGINT  NOT NULL DEFAULT 0,
    mac          TEXT    NOT NULL DEFAULT '',
    admin_status INTEGER NOT NULL DEFAULT 0,
    oper_status  INTEGER NOT NULL DEFAULT 0,
    duplex       INTEGER NOT NULL DEFAULT 0,
    mtu          BIGINT  NOT NULL DEFAULT 0,
    -- vlans is a JSON list of {"id":10,"name":"users","tagged":true}.
    vlans        TEXT    NOT NULL DEFAULT '[]',
    trunk        INTEGER NOT NULL DEFAULT 0,
    -- aggregate is a JSON list of the member ports' ifIndex of an
    -- aggregate (port-channel, LACP), [] for a plain port.
    aggregate    TEXT    NOT NULL DEFAULT '[]',
    -- uplink marks a port whose learned MACs are not devices plugged into
    -- it (trunk, aggregate, many MACs, a switch seen by LLDP/CDP): it never
    -- claims a PC.
    uplink       INTEGER NOT NULL DEFAULT 0,
    hash         TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (asset_id, ifindex)
);

-- What a device sees behind each port: a MAC learned from its forwarding
-- table, or an LLDP/CDP neighbour. A MAC is resolved to the park's asset
-- at read time through asset_macs, so a PC inventoried after the switch
-- is linked too.
CREATE TABLE net_connections (
    asset_id   BIGINT   NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    ifindex    BIGINT  NOT NULL,
    mac        TEXT    NOT NULL DEFAULT '',
    neighbour  INTEGER NOT NULL DEFAULT 0,
    sysname    TEXT    NOT NULL DEFAULT '',
    ip         TEXT    NOT NULL DEFAULT '',
    port_descr TEXT    NOT NULL DEFAULT '',
    model      TEXT    NOT NULL DEFAULT '',
    sysdescr   TEXT    NOT NULL DEFAULT '',
    -- key identifies the connection within its port across reports.
    conn_key   TEXT    NOT NULL,
    PRIMARY KEY (asset_id, ifindex, conn_key)
);
CREATE INDEX net_connections_mac ON net_connections(mac);

-- A printer's page counters, one row per day at most (the latest report of
-- the day wins); 0 where the device gives no such counter.
CREATE TABLE printer_counters (
    asset_id    BIGINT  NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    day         TEXT   NOT NULL,
    at          BIGINT NOT NULL,
    total       BIGINT NOT NULL DEFAULT 0,
    black       BIGINT NOT NULL DEFAULT 0,
    color       BIGINT NOT NULL DEFAULT 0,
    print_total BIGINT NOT NULL DEFAULT 0,
    print_black BIGINT NOT NULL DEFAULT 0,
    print_color BIGINT NOT NULL DEFAULT 0,
    copy_total  BIGINT NOT NULL DEFAULT 0,
    copy_black  BIGINT NOT NULL DEFAULT 0,
    copy_color  BIGINT NOT NULL DEFAULT 0,
    scanned     BIGINT NOT NULL DEFAULT 0,
    fax_total   BIGINT NOT NULL DEFAULT 0,
    rectoverso  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (asset_id, day)
);

-- A printer's supplies as last inventoried: level is a percentage, or -1
-- when the device gives only a state ("OK", "unknown", "250sheets").
CREATE TABLE printer_supplies (
    asset_id    BIGINT   NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    kind        TEXT    NOT NULL DEFAULT '',
    color       TEXT    NOT NULL DEFAULT '',
    level       INTEGER NOT NULL DEFAULT -1,
    state       TEXT    NOT NULL DEFAULT '',
    max_capacity BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (asset_id, name)
);
CREATE INDEX printer_supplies_level ON printer_supplies(level);

-- Supply levels over time, one row per printer, supply and day.
CREATE TABLE printer_supply_levels (
    asset_id BIGINT   NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    day      TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    level    INTEGER NOT NULL DEFAULT -1,
    state    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (asset_id, day, name)
);
