// Package escalate is the SLA escalation: a recurring job that finds the
// tickets whose time to own or to resolve comes within its rule's
// warning delay, marks each deadline warned once, and records an
// SLAWarning notification for the assignees (for the supervisors and
// administrators when nobody is assigned).
package escalate

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
)

// Job is the escalation's job kind and schedule name.
const Job = "sla.escalate"

// Spec is how often the escalation looks: a warning comes at most this
// late.
const Spec = "every 1m"

// batch bounds the deadlines one run handles; the next run takes the rest.
const batch = 200

// Schedule makes the escalation a recurring job. Every collector may call
// it at start: the schedule is one row, and each occurrence runs once.
func Schedule(ctx context.Context, st store.Store, now time.Time) error {
	jq, err := store.Jobs(st)
	if err != nil {
		return err
	}
	return jobs.PutSchedule(ctx, jq, Job, Job, struct{}{}, Spec, now)
}

// Register handles the escalation's jobs on w.
func Register(w *jobs.Worker, st store.Store, log *slog.Logger) {
	log = log.With("component", "escalate")
	w.Handle(Job, func(ctx context.Context, _ *store.Job) error {
		n, err := Run(ctx, st, time.Now().UTC())
		if n > 0 {
			log.Info("SLA warnings recorded", "count", n)
		}
		return err
	})
}

// Run warns about every deadline due for a warning at now and returns how
// many warnings this call recorded. Each deadline is marked and its event
// recorded in one transaction, and only if no other run marked it first,
// so two collectors never warn twice.
func Run(ctx context.Context, st store.Store, now time.Time) (int, error) {
	sq, err := store.SLAs(st)
	if err != nil {
		return 0, err
	}
	due, err := sq.DueSLAWarnings(ctx, now, batch)
	if err != nil {
		return 0, err
	}
	if len(due) == 0 {
		return 0, nil
	}
	supervisors, err := supervisorIDs(ctx, st)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, w := range due {
		warned := false
		err := st.WithTx(ctx, func(q store.Queries) error {
			tsq, err := store.SLAs(q)
			if err != nil {
				return err
			}
			ok, err := tsq.MarkSLAWarned(ctx, w.TicketID, w.Kind, now)
			if err != nil || !ok {
				return err
			}
			warned = true
			return notify.Record(ctx, q, notify.Event{Kind: notify.SLAWarning, TicketID: w.TicketID,
				SLA: string(w.Kind), Due: w.Due, Approvers: supervisors, At: now})
		})
		if err != nil {
			return n, fmt.Errorf("warn ticket %d %s: %w", w.TicketID, w.Kind, err)
		}
		if warned {
			n++
		}
	}
	return n, nil
}

// supervisorIDs are the users a warning escalates to when its ticket has
// no assignee: the supervisors and administrators, who dispatch tickets.
func supervisorIDs(ctx context.Context, st store.Store) ([]int64, error) {
	users, err := st.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	var out []int64
	for _, u := range users {
		if u.Role == store.RoleSupervisor || u.Role == store.RoleAdmin {
			out = append(out, u.ID)
		}
	}
	return out, nil
}
