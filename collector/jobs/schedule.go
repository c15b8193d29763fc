package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// Enqueue adds a job of kind with payload (marshalled to JSON), due at
// runAt (now when zero), tried at most maxAttempts times.
func Enqueue(ctx context.Context, q store.JobQueries, kind string, payload any, runAt time.Time, maxAttempts int) (int64, error) {
	data, err := json.Marshal(payload)
	if err != nil {
		return 0, fmt.Errorf("enqueue %s: %w", kind, err)
	}
	j := &store.Job{Kind: kind, Payload: string(data), RunAt: runAt, MaxAttempts: maxAttempts}
	if err := q.EnqueueJob(ctx, j); err != nil {
		return 0, err
	}
	return j.ID, nil
}

// PutSchedule makes name a recurring job of kind with payload, following
// spec (see ParseSpec) from now on; an empty spec removes the schedule.
func PutSchedule(ctx context.Context, q store.JobQueries, name, kind string, payload any, spec string, now time.Time) error {
	if spec == "" {
		return q.DeleteSchedule(ctx, name)
	}
	sp, err := ParseSpec(spec)
	if err != nil {
		return err
	}
	data, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("schedule %s: %w", name, err)
	}
	return q.PutSchedule(ctx, &store.Schedule{Name: name, Kind: kind, Payload: string(data), Spec: sp.String(), NextRun: sp.Next(now)})
}

// Scheduler turns due schedules into jobs.
type Scheduler struct {
	st    store.Store
	log   *slog.Logger
	every time.Duration
	now   func() time.Time
	// Enqueued, when set, is called after each occurrence this scheduler
	// enqueued (the serve command wakes the local worker with it).
	Enqueued func()
}

// NewScheduler looks for due schedules every every (default 15 s).
func NewScheduler(st store.Store, log *slog.Logger, every time.Duration) *Scheduler {
	if every <= 0 {
		every = 15 * time.Second
	}
	return &Scheduler{st: st, log: log.With("component", "scheduler"), every: every, now: time.Now}
}

// Run ticks until ctx is cancelled.
func (s *Scheduler) Run(ctx context.Context) {
	t := time.NewTicker(s.every)
	defer t.Stop()
	for {
		if _, err := s.Tick(ctx, s.now().UTC()); err != nil && ctx.Err() == nil {
			s.log.Warn("schedule jobs", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Tick enqueues every schedule due at now and returns how many this call
// enqueued. Occurrences missed while no collector ran are not caught up:
// a schedule moves to its first occurrence after now.
func (s *Scheduler) Tick(ctx context.Context, now time.Time) (int, error) {
	q, err := store.Jobs(s.st)
	if err != nil {
		return 0, err
	}
	due, err := q.DueSchedules(ctx, now)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, sc := range due {
		ok, err := s.fire(ctx, sc, now)
		if err != nil {
			return n, err
		}
		if ok {
			n++
			s.log.Info("scheduled job enqueued", "schedule", sc.Name, "kind", sc.Kind)
			if s.Enqueued != nil {
				s.Enqueued()
			}
		}
	}
	return n, nil
}

// fire advances one schedule and enqueues its occurrence in the same
// transaction: only the collector whose compare-and-swap moved next_run
// enqueues, and a failed enqueue leaves next_run where it was.
func (s *Scheduler) fire(ctx context.Context, sc store.Schedule, now time.Time) (bool, error) {
	sp, err := ParseSpec(sc.Spec)
	if err != nil {
		// Only a hand-edited row gets here: retry in an hour, loudly.
		s.log.Error("bad schedule; skipping an hour", "schedule", sc.Name, "err", err)
		sp = Spec{Every: time.Hour}
	}
	fired := false
	err = s.st.WithTx(ctx, func(tx store.Queries) error {
		fired = false
		q, err := store.Jobs(tx)
		if err != nil {
			return err
		}
		ok, err := q.AdvanceSchedule(ctx, sc.Name, sc.NextRun, sp.Next(now))
		if err != nil || !ok {
			return err
		}
		fired = true
		return q.EnqueueJob(ctx, &store.Job{Kind: sc.Kind, Payload: sc.Payload, RunAt: now})
	})
	return fired, err
}
