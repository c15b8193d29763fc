package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// SNMPJob is a network discovery job: which addresses to sweep with which
// credentials, when, and who runs it.
type SNMPJob struct {
	ID   int64
	Name string
	// Targets are addresses, CIDR ranges and dash ranges, one per entry.
	Targets []string
	// CredentialIDs are tried in this order on each host.
	CredentialIDs []int64
	// Schedule is "" (manual), "every 6h" or "daily 02:30".
	Schedule  string
	Workers   int // hosts probed at once; 0 for pkg/snmp's default
	TimeoutMS int // per request
	Retries   int
	Port      int
	// AgentID is the agent that runs the job for a remote site; 0 when
	// this collector runs it.
	AgentID int64
	// AutoImport ingests every inventoried device; otherwise a technician
	// imports them from the run's results.
	AutoImport bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// SNMPJobQueries manage discovery jobs. A job and its credential list are
// written by several statements: call them inside WithTx.
type SNMPJobQueries interface {
	// CreateSNMPJob stores j and sets its ID; ErrConflict if the name is
	// taken, ErrNotFound if a credential or the agent does not exist.
	CreateSNMPJob(ctx context.Context, j *SNMPJob) error
	// UpdateSNMPJob replaces every field of the job j.ID.
	UpdateSNMPJob(ctx context.Context, j *SNMPJob) error
	GetSNMPJob(ctx context.Context, id int64) (*SNMPJob, error)
	// ListSNMPJobs lists every job by name.
	ListSNMPJobs(ctx context.Context) ([]SNMPJob, error)
	// DeleteSNMPJob removes a job with its runs and results.
	DeleteSNMPJob(ctx context.Context, id int64) error
}

func (q *queries) CreateSNMPJob(ctx context.Context, j *SNMPJob) error {
	now := time.Now().UTC()
	if j.CreatedAt.IsZero() {
		j.CreatedAt = now
	}
	j.UpdatedAt = j.CreatedAt
	if err := q.checkSNMPJobRefs(ctx, j); err != nil {
		return fmt.Errorf("create SNMP job %s: %w", j.Name, err)
	}
	err := q.writeRow(ctx, `INSERT INTO snmp_jobs (name, targets, schedule, workers, timeout_ms, retries, port,
		agent_id, auto_import, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		j.Name, strings.Join(j.Targets, "\n"), j.Schedule, j.Workers, j.TimeoutMS, j.Retries, j.Port,
		nullID(j.AgentID), j.AutoImport, ms(j.CreatedAt), ms(j.UpdatedAt)).Scan(&j.ID)
	if err := q.conflict(err, "create SNMP job "+j.Name); err != nil {
		return err
	}
	return q.putSNMPJobCredentials(ctx, j)
}

func (q *queries) UpdateSNMPJob(ctx context.Context, j *SNMPJob) error {
	j.UpdatedAt = time.Now().UTC()
	if err := q.checkSNMPJobRefs(ctx, j); err != nil {
		return fmt.Errorf("update SNMP job %d: %w", j.ID, err)
	}
	res, err := q.exec(ctx, `UPDATE snmp_jobs SET name = ?, targets = ?, schedule = ?, workers = ?, timeout_ms = ?,
		retries = ?, port = ?, agent_id = ?, auto_import = ?, updated_at = ? WHERE id = ?`,
		j.Name, strings.Join(j.Targets, "\n"), j.Schedule, j.Workers, j.TimeoutMS, j.Retries, j.Port,
		nullID(j.AgentID), j.AutoImport, ms(j.UpdatedAt), j.ID)
	if err := q.conflict(err, fmt.Sprintf("update SNMP job %d", j.ID)); err != nil {
		return err
	}
	if err := mustAffect(res, fmt.Sprintf("update SNMP job %d", j.ID)); err != nil {
		return err
	}
	if _, err := q.exec(ctx, `DELETE FROM snmp_job_credentials WHERE job_id = ?`, j.ID); err != nil {
		return fmt.Errorf("update SNMP job %d: %w", j.ID, err)
	}
	return q.putSNMPJobCredentials(ctx, j)
}

// checkSNMPJobRefs turns a missing credential or agent into ErrNotFound
// before the foreign keys turn it into a driver error.
func (q *queries) checkSNMPJobRefs(ctx context.Context, j *SNMPJob) error {
	for _, id := range j.CredentialIDs {
		if _, err := q.GetSNMPCredential(ctx, id); err != nil {
			return err
		}
	}
	if j.AgentID != 0 {
		if _, err := q.GetAgent(ctx, j.AgentID); err != nil {
			return err
		}
	}
	return nil
}

func (q *queries) putSNMPJobCredentials(ctx context.Context, j *SNMPJob) error {
	for i, id := range j.CredentialIDs {
		if _, err := q.exec(ctx, `INSERT INTO snmp_job_credentials (job_id, position, credential_id) VALUES (?, ?, ?)`,
			j.ID, i, id); err != nil {
			return fmt.Errorf("SNMP job %d credential %d: %w", j.ID, id, err)
		}
	}
	return nil
}

const snmpJobColumns = `id, name, targets, schedule, workers, timeout_ms, retries, port, agent_id, auto_import, created_at, updated_at`

func scanSNMPJob(row interface{ Scan(...any) error }) (*SNMPJob, error) {
	var j SNMPJob
	var targets string
	var agent, created, updated sql.NullInt64
	if err := row.Scan(&j.ID, &j.Name, &targets, &j.Schedule, &j.Workers, &j.TimeoutMS, &j.Retries, &j.Port,
		&agent, &j.AutoImport, &created, &updated); err != nil {
		return nil, err
	}
	if targets != "" {
		j.Targets = strings.Split(targets, "\n")
	}
	j.AgentID, j.CreatedAt, j.UpdatedAt = agent.Int64, fromMS(created), fromMS(updated)
	return &j, nil
}

func (q *queries) GetSNMPJob(ctx context.Context, id int64) (*SNMPJob, error) {
	j, err := scanSNMPJob(q.queryRow(ctx, `SELECT `+snmpJobColumns+` FROM snmp_jobs WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("SNMP job %d", id))
	}
	rows, err := q.query(ctx, `SELECT credential_id FROM snmp_job_credentials WHERE job_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, fmt.Errorf("SNMP job %d credentials: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("SNMP job %d credentials: %w", id, err)
		}
		j.CredentialIDs = append(j.CredentialIDs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("SNMP job %d credentials: %w", id, err)
	}
	return j, nil
}

// ListSNMPJobs leaves CredentialIDs empty: the list page does not show
// them, and GetSNMPJob reads them for one job.
func (q *queries) ListSNMPJobs(ctx context.Context) ([]SNMPJob, error) {
	rows, err := q.query(ctx, `SELECT `+snmpJobColumns+` FROM snmp_jobs ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list SNMP jobs: %w", err)
	}
	defer rows.Close()
	var out []SNMPJob
	for rows.Next() {
		j, err := scanSNMPJob(rows)
		if err != nil {
			return nil, fmt.Errorf("list SNMP jobs: %w", err)
		}
		out = append(out, *j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list SNMP jobs: %w", err)
	}
	return out, nil
}

func (q *queries) DeleteSNMPJob(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, `DELETE FROM snmp_jobs WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete SNMP job %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete SNMP job %d", id))
}
