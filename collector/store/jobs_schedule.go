package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Schedule is a recurring job: when NextRun comes, one collector enqueues
// a job of Kind with Payload and moves NextRun to the following occurrence
// of Spec.
type Schedule struct {
	// Name identifies the schedule, e.g. "snmp.job:7".
	Name    string
	Kind    string
	Payload string
	// Spec is the recurrence as collector/jobs parses it: "every 6h",
	// "daily 02:30".
	Spec      string
	NextRun   time.Time
	CreatedAt time.Time
}

// ScheduleQueries manage recurring jobs.
type ScheduleQueries interface {
	// PutSchedule creates or replaces the schedule named s.Name.
	PutSchedule(ctx context.Context, s *Schedule) error
	GetSchedule(ctx context.Context, name string) (*Schedule, error)
	// DeleteSchedule removes a schedule; no error if there is none.
	DeleteSchedule(ctx context.Context, name string) error
	// DueSchedules lists the schedules whose NextRun is at or before now.
	DueSchedules(ctx context.Context, now time.Time) ([]Schedule, error)
	// AdvanceSchedule moves NextRun of name from from to to, and reports
	// whether this call did it: of several collectors advancing the same
	// occurrence, exactly one gets true and enqueues it.
	AdvanceSchedule(ctx context.Context, name string, from, to time.Time) (bool, error)
}

func (q *queries) PutSchedule(ctx context.Context, s *Schedule) error {
	if s.CreatedAt.IsZero() {
		s.CreatedAt = time.Now().UTC()
	}
	if s.Payload == "" {
		s.Payload = "{}"
	}
	_, err := q.exec(ctx, `INSERT INTO job_schedules (name, kind, payload, spec, next_run, created_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,
		payload = excluded.payload, spec = excluded.spec, next_run = excluded.next_run`,
		s.Name, s.Kind, s.Payload, s.Spec, ms(s.NextRun), ms(s.CreatedAt))
	if err != nil {
		return fmt.Errorf("put schedule %s: %w", s.Name, err)
	}
	return nil
}

const scheduleColumns = `name, kind, payload, spec, next_run, created_at`

func scanSchedule(row interface{ Scan(...any) error }) (*Schedule, error) {
	var s Schedule
	var next, created sql.NullInt64
	if err := row.Scan(&s.Name, &s.Kind, &s.Payload, &s.Spec, &next, &created); err != nil {
		return nil, err
	}
	s.NextRun, s.CreatedAt = fromMS(next), fromMS(created)
	return &s, nil
}

func (q *queries) GetSchedule(ctx context.Context, name string) (*Schedule, error) {
	s, err := scanSchedule(q.queryRow(ctx, `SELECT `+scheduleColumns+` FROM job_schedules WHERE name = ?`, name))
	if err != nil {
		return nil, notFound(err, "schedule "+name)
	}
	return s, nil
}

func (q *queries) DeleteSchedule(ctx context.Context, name string) error {
	if _, err := q.exec(ctx, `DELETE FROM job_schedules WHERE name = ?`, name); err != nil {
		return fmt.Errorf("delete schedule %s: %w", name, err)
	}
	return nil
}

func (q *queries) DueSchedules(ctx context.Context, now time.Time) ([]Schedule, error) {
	rows, err := q.query(ctx, `SELECT `+scheduleColumns+` FROM job_schedules WHERE next_run <= ? ORDER BY next_run, name`, ms(now))
	if err != nil {
		return nil, fmt.Errorf("due schedules: %w", err)
	}
	defer rows.Close()
	var out []Schedule
	for rows.Next() {
		s, err := scanSchedule(rows)
		if err != nil {
			return nil, fmt.Errorf("due schedules: %w", err)
		}
		out = append(out, *s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("due schedules: %w", err)
	}
	return out, nil
}

func (q *queries) AdvanceSchedule(ctx context.Context, name string, from, to time.Time) (bool, error) {
	res, err := q.exec(ctx, `UPDATE job_schedules SET next_run = ? WHERE name = ? AND next_run = ?`, ms(to), name, ms(from))
	if err != nil {
		return false, fmt.Errorf("advance schedule %s: %w", name, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("advance schedule %s: %w", name, err)
	}
	return n == 1, nil
}
