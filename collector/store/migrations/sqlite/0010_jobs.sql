-- 0010: the job queue and SNMP discovery jobs.
--
-- jobs is a generic queue (SNMP runs now; notification mail and SLA checks
-- later). A worker claims a due row by setting its lease; a lease that
-- runs out (a collector died) makes the row claimable again. Several
-- collectors on one PostgreSQL claim with FOR UPDATE SKIP LOCKED; SQLite's
-- single writer makes the same UPDATE atomic.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,
    payload      TEXT    NOT NULL DEFAULT '{}',
    state        TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    run_at       BIGINT  NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 1 CHECK (max_attempts >= 1),
    lease_owner  TEXT,
    lease_until  BIGINT,
    last_error   TEXT    NOT NULL DEFAULT '',
    created_at   BIGINT  NOT NULL,
    finished_at  BIGINT
);
CREATE INDEX jobs_claim ON jobs(state, run_at);

-- job_schedules are recurring jobs. Whoever moves next_run forward (a
-- compare-and-swap on its old value) enqueues that occurrence, so with
-- several collectors each occurrence is enqueued once.
CREATE TABLE job_schedules (
    name       TEXT   PRIMARY KEY,
    kind       TEXT   NOT NULL,
    payload    TEXT   NOT NULL DEFAULT '{}',
    spec       TEXT   NOT NULL,
    next_run   BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX job_schedules_due ON job_schedules(next_run);

-- snmp_credentials: the secrets (community, passphrases) are sealed with
-- AES-GCM by the collector's key, never stored in clear.
CREATE TABLE snmp_credentials (
    id            INTEGER PRIMARY KEY,
    name          TEXT   NOT NULL UNIQUE,
    version       TEXT   NOT NULL CHECK (version IN ('1', '2c', '3')),
    username      TEXT   NOT NULL DEFAULT '',
    auth_protocol TEXT   NOT NULL DEFAULT '',
    priv_protocol TEXT   NOT NULL DEFAULT '',
    context_name  TEXT   NOT NULL DEFAULT '',
    secret        TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);

-- snmp_jobs: schedule is '' (manual), 'every 6h' or 'daily 02:30'.
CREATE TABLE snmp_jobs (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    targets     TEXT    NOT NULL,
    schedule    TEXT    NOT NULL DEFAULT '',
    workers     INTEGER NOT NULL DEFAULT 0,
    timeout_ms  INTEGER NOT NULL DEFAULT 1000,
    retries     INTEGER NOT NULL DEFAULT 1,
    port        INTEGER NOT NULL DEFAULT 161,
    agent_id    INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    auto_import BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);

-- A credential used by a job cannot be deleted (no cascade).
CREATE TABLE snmp_job_credentials (
    job_id        INTEGER NOT NULL REFERENCES snmp_jobs(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    credential_id INTEGER NOT NULL REFERENCES snmp_credentials(id),
    PRIMARY KEY (job_id, position)
);
CREATE INDEX snmp_job_credentials_cred ON snmp_job_credentials(credential_id);

-- snmp_runs: one execution of a job, by this collector or by an agent
-- (agent_id set). An agent's run goes through two phases: discovery, then
-- the inventory of the devices it found.
CREATE TABLE snmp_runs (
    id          INTEGER PRIMARY KEY,
    job_id      INTEGER NOT NULL REFERENCES snmp_jobs(id) ON DELETE CASCADE,
    agent_id    INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    state       TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    phase       TEXT    NOT NULL DEFAULT 'discovery',
    done        INTEGER NOT NULL DEFAULT 0,
    total       INTEGER NOT NULL DEFAULT 0,
    found       INTEGER NOT NULL DEFAULT 0,
    error       TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL,
    started_at  BIGINT,
    finished_at BIGINT
);
CREATE INDEX snmp_runs_job ON snmp_runs(job_id, id);
CREATE INDEX snmp_runs_agent ON snmp_runs(agent_id, state);

-- snmp_results: one device a run found. report keeps the device's last
-- GLPI report until it is imported.
CREATE TABLE snmp_results (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL REFERENCES snmp_runs(id) ON DELETE CASCADE,
    ip            TEXT    NOT NULL,
    type          TEXT    NOT NULL DEFAULT '',
    name          TEXT    NOT NULL DEFAULT '',
    credential_id INTEGER REFERENCES snmp_credentials(id) ON DELETE SET NULL,
    asset_id      INTEGER REFERENCES assets(id) ON DELETE SET NULL,
    status        TEXT    NOT NULL CHECK (status IN ('imported', 'unmanaged', 'failed')),
    reason        TEXT    NOT NULL DEFAULT '',
    report        TEXT    NOT NULL DEFAULT '',
    created_at    BIGINT  NOT NULL,
    UNIQUE (run_id, ip)
);
