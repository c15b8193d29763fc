package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Job states.
const (
	JobQueued  = "queued"
	JobRunning = "running"
	JobDone    = "done"
	JobFailed  = "failed"
)

// Job is one row of the database job queue (see collector/jobs).
type Job struct {
	ID      int64
	Kind    string // e.g. "snmp.run"
	Payload string // JSON, e.g. {"run_id":42}
	State   string // JobQueued, JobRunning, JobDone or JobFailed
	// RunAt is when the job becomes due.
	RunAt time.Time
	// Attempts counts the claims so far, MaxAttempts bounds them.
	Attempts, MaxAttempts int
	// LeaseOwner is the worker holding a running job, until LeaseUntil.
	LeaseOwner string
	LeaseUntil time.Time
	LastError  string
	CreatedAt  time.Time
	FinishedAt time.Time
}

// JobQueries are the job queue and its recurring schedules. Every Store
// opened by Open implements them; use Jobs to get them.
type JobQueries interface {
	// EnqueueJob stores j as queued and sets its ID.
	EnqueueJob(ctx context.Context, j *Job) error
	GetJob(ctx context.Context, id int64) (*Job, error)
	// ClaimJob leases to owner until now+lease the oldest due job of one
	// of kinds: a queued job whose RunAt has come, or a running one whose
	// lease ran out (its worker died). ErrNotFound when none is due.
	// Concurrent claims never return the same job.
	ClaimJob(ctx context.Context, kinds []string, owner string, now time.Time, lease time.Duration) (*Job, error)
	// ExtendJobLease moves the lease of owner's running job to until;
	// ErrNotFound when owner no longer holds it.
	ExtendJobLease(ctx context.Context, id int64, owner string, until time.Time) error
	// CompleteJob marks owner's running job done.
	CompleteJob(ctx context.Context, id int64, owner string, at time.Time) error
	// FailJob records why owner's running job failed: it is queued again
	// at retryAt while attempts remain and retryAt is set, failed otherwise.
	FailJob(ctx context.Context, id int64, owner string, at time.Time, reason string, retryAt time.Time) error
	// ReleaseJob gives a running job back to the queue at once, without
	// counting the attempt (a worker shutting down).
	ReleaseJob(ctx context.Context, id int64, owner string) error
	// PruneJobs deletes done and failed jobs finished before before.
	PruneJobs(ctx context.Context, before time.Time) (int64, error)
	ScheduleQueries
}

// Jobs returns the job queries of x, a Store or the Queries of a
// transaction.
func Jobs(x any) (JobQueries, error) {
	j, ok := x.(JobQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no job queries", x)
	}
	return j, nil
}

const jobColumns = `id, kind, payload, state, run_at, attempts, max_attempts, lease_owner, lease_until, last_error, created_at, finished_at`

func scanJob(row interface{ Scan(...any) error }) (*Job, error) {
	var j Job
	var runAt, until, created, finished sql.NullInt64
	var owner sql.NullString
	if err := row.Scan(&j.ID, &j.Kind, &j.Payload, &j.State, &runAt, &j.Attempts, &j.MaxAttempts,
		&owner, &until, &j.LastError, &created, &finished); err != nil {
		return nil, err
	}
	j.RunAt, j.LeaseUntil, j.CreatedAt, j.FinishedAt = fromMS(runAt), fromMS(until), fromMS(created), fromMS(finished)
	j.LeaseOwner = owner.String
	return &j, nil
}

func (q *queries) EnqueueJob(ctx context.Context, j *Job) error {
	now := time.Now().UTC()
	if j.CreatedAt.IsZero() {
		j.CreatedAt = now
	}
	if j.RunAt.IsZero() {
		j.RunAt = now
	}
	if j.MaxAttempts < 1 {
		j.MaxAttempts = 1
	}
	if j.Payload == "" {
		j.Payload = "{}"
	}
	j.State = JobQueued
	err := q.writeRow(ctx, `INSERT INTO jobs (kind, payload, state, run_at, max_attempts, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		j.Kind, j.Payload, j.State, ms(j.RunAt), j.MaxAttempts, ms(j.CreatedAt)).Scan(&j.ID)
	if err != nil {
		return fmt.Errorf("enqueue job %s: %w", j.Kind, err)
	}
	return nil
}

func (q *queries) GetJob(ctx context.Context, id int64) (*Job, error) {
	j, err := scanJob(q.queryRow(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("job %d", id))
	}
	return j, nil
}

func (q *queries) ClaimJob(ctx context.Context, kinds []string, owner string, now time.Time, lease time.Duration) (*Job, error) {
	if len(kinds) == 0 {
		return nil, fmt.Errorf("claim job: %w", ErrNotFound)
	}
	// On PostgreSQL, SKIP LOCKED lets concurrent collectors each take a
	// different row instead of queueing on the same one; SQLite has one
	// writer, so the UPDATE is atomic as it is.
	lock := ""
	if q.d.name == "postgres" {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	args := []any{JobRunning, owner, ms(now.Add(lease)), JobQueued, ms(now), JobRunning, ms(now)}
	for _, k := range kinds {
		args = append(args, k)
	}
	query := `UPDATE jobs SET state = ?, lease_owner = ?, lease_until = ?, attempts = attempts + 1
		WHERE id = (SELECT id FROM jobs WHERE ((state = ? AND run_at <= ?) OR (state = ? AND lease_until < ?))
		AND kind IN (` + placeholders(len(kinds)) + `) ORDER BY run_at, id LIMIT 1` + lock + `)
		RETURNING ` + jobColumns
	j, err := scanJob(q.writeRow(ctx, query, args...))
	if err != nil {
		return nil, notFound(err, "claim job of "+strings.Join(kinds, ","))
	}
	return j, nil
}

func (q *queries) ExtendJobLease(ctx context.Context, id int64, owner string, until time.Time) error {
	res, err := q.exec(ctx, `UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = ?`,
		ms(until), id, owner, JobRunning)
	if err != nil {
		return fmt.Errorf("extend lease of job %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("extend lease of job %d", id))
}

func (q *queries) CompleteJob(ctx context.Context, id int64, owner string, at time.Time) error {
	res, err := q.exec(ctx, `UPDATE jobs SET state = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL
		WHERE id = ? AND lease_owner = ? AND state = ?`, JobDone, ms(at), id, owner, JobRunning)
	if err != nil {
		return fmt.Errorf("complete job %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("complete job %d", id))
}

func (q *queries) FailJob(ctx context.Context, id int64, owner string, at time.Time, reason string, retryAt time.Time) error {
	retry := !retryAt.IsZero()
	res, err := q.exec(ctx, `UPDATE jobs SET
		state = CASE WHEN ? AND attempts < max_attempts THEN ? ELSE ? END,
		run_at = CASE WHEN ? AND attempts < max_attempts THEN CAST(? AS BIGINT) ELSE run_at END,
		finished_at = CASE WHEN ? AND attempts < max_attempts THEN NULL ELSE CAST(? AS BIGINT) END,
		last_error = ?, lease_owner = NULL, lease_until = NULL
		WHERE id = ? AND lease_owner = ? AND state = ?`,
		retry, JobQueued, JobFailed, retry, ms(retryAt), retry, ms(at), reason, id, owner, JobRunning)
	if err != nil {
		return fmt.Errorf("fail job %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("fail job %d", id))
}

func (q *queries) ReleaseJob(ctx context.Context, id int64, owner string) error {
	res, err := q.exec(ctx, `UPDATE jobs SET state = ?, attempts = attempts - 1, lease_owner = NULL, lease_until = NULL
		WHERE id = ? AND lease_owner = ? AND state = ?`, JobQueued, id, owner, JobRunning)
	if err != nil {
		return fmt.Errorf("release job %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("release job %d", id))
}

func (q *queries) PruneJobs(ctx context.Context, before time.Time) (int64, error) {
	res, err := q.exec(ctx, `DELETE FROM jobs WHERE state IN (?, ?) AND finished_at < ?`, JobDone, JobFailed, ms(before))
	if err != nil {
		return 0, fmt.Errorf("prune jobs: %w", err)
	}
	return res.RowsAffected()
}
