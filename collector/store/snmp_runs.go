package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// SNMP run states; a run's phase is SNMPPhaseDiscovery, then, for an
// agent's run, SNMPPhaseInventory.
const (
	SNMPRunQueued      = "queued"
	SNMPRunRunning     = "running"
	SNMPRunDone        = "done"
	SNMPRunFailed      = "failed"
	SNMPPhaseDiscovery = "discovery"
	SNMPPhaseInventory = "inventory"
	// SNMPPhaseCancelled marks a run a user cancelled; its state is
	// SNMPRunFailed (the states predate cancelling, and their CHECK
	// constraint knows no other) and Cancelled reports it.
	SNMPPhaseCancelled = "cancelled"
)

// SNMPRun is one execution of a discovery job, with its progress.
type SNMPRun struct {
	ID      int64
	JobID   int64
	JobName string // read from the job
	// AgentID is the agent that runs it; 0 for this collector.
	AgentID int64
	State   string // SNMPRunQueued, SNMPRunRunning, SNMPRunDone or SNMPRunFailed
	Phase   string
	// Done of Total hosts or devices are finished; Found devices so far.
	Done, Total, Found int
	Error              string // why the run failed or stopped early
	CreatedAt          time.Time
	StartedAt          time.Time
	FinishedAt         time.Time
}

// Finished reports whether the run has ended, well or not.
func (r *SNMPRun) Finished() bool { return r.State == SNMPRunDone || r.State == SNMPRunFailed }

// Cancelled reports whether a user cancelled the run.
func (r *SNMPRun) Cancelled() bool { return r.State == SNMPRunFailed && r.Phase == SNMPPhaseCancelled }

// SNMPRunQueries manage runs and their results.
type SNMPRunQueries interface {
	// CreateSNMPRun stores r (queued, discovery phase) and sets its ID.
	CreateSNMPRun(ctx context.Context, r *SNMPRun) error
	GetSNMPRun(ctx context.Context, id int64) (*SNMPRun, error)
	// ListSNMPRuns lists the newest limit runs of job (0 for every job).
	ListSNMPRuns(ctx context.Context, jobID int64, limit int) ([]SNMPRun, error)
	// QueuedAgentRuns lists agentID's queued runs, oldest first.
	QueuedAgentRuns(ctx context.Context, agentID int64) ([]SNMPRun, error)
	// AgentRunsDue counts, in one read, agentID's queued runs and its
	// running runs started before startedBefore: an agent's contact asks
	// it every time, and almost always both are zero.
	AgentRunsDue(ctx context.Context, agentID int64, startedBefore time.Time) (queued, stale int, err error)
	// StartSNMPRun moves a queued run to running at at, and reports
	// whether this call did (two collectors never both start it).
	StartSNMPRun(ctx context.Context, id int64, at time.Time) (bool, error)
	// SetSNMPRunProgress records the counters of a running run.
	SetSNMPRunProgress(ctx context.Context, id int64, done, total, found int) error
	// NextSNMPRunPhase queues a running run again for phase, counters
	// reset except Found (an agent's inventory after its discovery).
	NextSNMPRunPhase(ctx context.Context, id int64, phase string) error
	// FinishSNMPRun ends a run as SNMPRunDone or SNMPRunFailed with reason.
	FinishSNMPRun(ctx context.Context, id int64, state, reason string, at time.Time) error
	// CancelSNMPRun ends a queued or running run as cancelled, with reason,
	// and reports whether this call did. The collector or agent running it
	// learns it at its next progress and stops; the results recorded so
	// far stay.
	CancelSNMPRun(ctx context.Context, id int64, reason string, at time.Time) (bool, error)
	// FailStaleAgentRuns fails agentID's runs still running that started
	// before startedBefore (the agent lost them), and returns how many.
	FailStaleAgentRuns(ctx context.Context, agentID int64, startedBefore time.Time, reason string, at time.Time) (int64, error)
	SNMPResultQueries
}

func (q *queries) CreateSNMPRun(ctx context.Context, r *SNMPRun) error {
	if r.CreatedAt.IsZero() {
		r.CreatedAt = time.Now().UTC()
	}
	r.State, r.Phase = SNMPRunQueued, SNMPPhaseDiscovery
	err := q.writeRow(ctx, `INSERT INTO snmp_runs (job_id, agent_id, state, phase, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		r.JobID, nullID(r.AgentID), r.State, r.Phase, ms(r.CreatedAt)).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("create run of SNMP job %d: %w", r.JobID, err)
	}
	return nil
}

const snmpRunColumns = `r.id, r.job_id, j.name, r.agent_id, r.state, r.phase, r.done, r.total, r.found, r.error,
	r.created_at, r.started_at, r.finished_at`

const snmpRunFrom = ` FROM snmp_runs r JOIN snmp_jobs j ON j.id = r.job_id`

func scanSNMPRun(row interface{ Scan(...any) error }) (*SNMPRun, error) {
	var r SNMPRun
	var agent, created, started, finished sql.NullInt64
	if err := row.Scan(&r.ID, &r.JobID, &r.JobName, &agent, &r.State, &r.Phase, &r.Done, &r.Total, &r.Found, &r.Error,
		&created, &started, &finished); err != nil {
		return nil, err
	}
	r.AgentID, r.CreatedAt, r.StartedAt, r.FinishedAt = agent.Int64, fromMS(created), fromMS(started), fromMS(finished)
	return &r, nil
}

func (q *queries) GetSNMPRun(ctx context.Context, id int64) (*SNMPRun, error) {
	r, err := scanSNMPRun(q.queryRow(ctx, `SELECT `+snmpRunColumns+snmpRunFrom+` WHERE r.id = ?`, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("SNMP run %d", id))
	}
	return r, nil
}

func (q *queries) ListSNMPRuns(ctx context.Context, jobID int64, limit int) ([]SNMPRun, error) {
	return q.listSNMPRuns(ctx, `SELECT `+snmpRunColumns+snmpRunFrom+` WHERE (? = 0 OR r.job_id = ?) ORDER BY r.id DESC LIMIT ?`,
		jobID, jobID, limit)
}

func (q *queries) QueuedAgentRuns(ctx context.Context, agentID int64) ([]SNMPRun, error) {
	return q.listSNMPRuns(ctx, `SELECT `+snmpRunColumns+snmpRunFrom+` WHERE r.agent_id = ? AND r.state = ? ORDER BY r.id`,
		agentID, SNMPRunQueued)
}

func (q *queries) AgentRunsDue(ctx context.Context, agentID int64, startedBefore time.Time) (queued, stale int, err error) {
	err = q.pointRow(ctx, `SELECT COALESCE(SUM(CASE WHEN state = ? THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN state = ? AND started_at < ? THEN 1 ELSE 0 END), 0)
		FROM snmp_runs WHERE agent_id = ? AND state IN (?, ?)`,
		SNMPRunQueued, SNMPRunRunning, ms(startedBefore), agentID, SNMPRunQueued, SNMPRunRunning).Scan(&queued, &stale)
	if err != nil {
		return 0, 0, fmt.Errorf("runs due for agent %d: %w", agentID, err)
	}
	return queued, stale, nil
}

func (q *queries) listSNMPRuns(ctx context.Context, query string, args ...any) ([]SNMPRun, error) {
	rows, err := q.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list SNMP runs: %w", err)
	}
	defer rows.Close()
	var out []SNMPRun
	for rows.Next() {
		r, err := scanSNMPRun(rows)
		if err != nil {
			return nil, fmt.Errorf("list SNMP runs: %w", err)
		}
		out = append(out, *r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list SNMP runs: %w", err)
	}
	return out, nil
}

func (q *queries) StartSNMPRun(ctx context.Context, id int64, at time.Time) (bool, error) {
	res, err := q.exec(ctx, `UPDATE snmp_runs SET state = ?, started_at = COALESCE(started_at, ?) WHERE id = ? AND state = ?`,
		SNMPRunRunning, ms(at), id, SNMPRunQueued)
	if err != nil {
		return false, fmt.Errorf("start SNMP run %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("start SNMP run %d: %w", id, err)
	}
	return n == 1, nil
}

func (q *queries) SetSNMPRunProgress(ctx context.Context, id int64, done, total, found int) error {
	res, err := q.exec(ctx, `UPDATE snmp_runs SET done = ?, total = ?, found = ? WHERE id = ? AND state = ?`,
		done, total, found, id, SNMPRunRunning)
	if err != nil {
		return fmt.Errorf("progress of SNMP run %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("progress of SNMP run %d", id))
}

func (q *queries) NextSNMPRunPhase(ctx context.Context, id int64, phase string) error {
	res, err := q.exec(ctx, `UPDATE snmp_runs SET state = ?, phase = ?, done = 0, total = 0 WHERE id = ? AND state = ?`,
		SNMPRunQueued, phase, id, SNMPRunRunning)
	if err != nil {
		return fmt.Errorf("next phase of SNMP run %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("next phase of SNMP run %d", id))
}

func (q *queries) FinishSNMPRun(ctx context.Context, id int64, state, reason string, at time.Time) error {
	res, err := q.exec(ctx, `UPDATE snmp_runs SET state = ?, error = ?, finished_at = ?, started_at = COALESCE(started_at, ?)
		WHERE id = ? AND state IN (?, ?)`, state, reason, ms(at), ms(at), id, SNMPRunQueued, SNMPRunRunning)
	if err != nil {
		return fmt.Errorf("finish SNMP run %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("finish SNMP run %d", id))
}

func (q *queries) CancelSNMPRun(ctx context.Context, id int64, reason string, at time.Time) (bool, error) {
	res, err := q.exec(ctx, `UPDATE snmp_runs SET state = ?, phase = ?, error = ?, finished_at = ?
		WHERE id = ? AND state IN (?, ?)`, SNMPRunFailed, SNMPPhaseCancelled, reason, ms(at), id, SNMPRunQueued, SNMPRunRunning)
	if err != nil {
		return false, fmt.Errorf("cancel SNMP run %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("cancel SNMP run %d: %w", id, err)
	}
	return n == 1, nil
}

func (q *queries) FailStaleAgentRuns(ctx context.Context, agentID int64, startedBefore time.Time, reason string, at time.Time) (int64, error) {
	res, err := q.exec(ctx, `UPDATE snmp_runs SET state = ?, error = ?, finished_at = ?
		WHERE agent_id = ? AND state = ? AND started_at < ?`, SNMPRunFailed, reason, ms(at), agentID, SNMPRunRunning, ms(startedBefore))
	if err != nil {
		return 0, fmt.Errorf("fail stale runs of agent %d: %w", agentID, err)
	}
	return res.RowsAffected()
}
