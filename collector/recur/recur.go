// Package recur opens recurrent tickets: a scheduled job finds the
// recurrent tickets whose next occurrence (less its days ahead) has come
// and opens one ticket for it, moving the next occurrence in the same
// transaction and only if no other collector moved it first, so each
// occurrence opens exactly one ticket.
package recur

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
)

// Job is the job kind and schedule name.
const Job = "recurrent.open"

// Spec is how often the job looks for due occurrences.
const Spec = "every 1m"

// HistoryActor prefixes the recurrent ticket's name as the one who
// opened the ticket, in its history ("recurrence: Backup check").
const HistoryActor = "recurrence: "

// batch bounds the recurrent tickets one run opens.
const batch = 100

// errTaken rolls back a ticket another collector already opened.
var errTaken = errors.New("occurrence already opened")

// Schedule makes the job recurring; every collector may call it at start.
func Schedule(ctx context.Context, st store.Store, now time.Time) error {
	jq, err := store.Jobs(st)
	if err != nil {
		return err
	}
	return jobs.PutSchedule(ctx, jq, Job, Job, struct{}{}, Spec, now)
}

// Register handles the job on w.
func Register(w *jobs.Worker, st store.Store, log *slog.Logger) {
	log = log.With("component", "recur")
	w.Handle(Job, func(ctx context.Context, _ *store.Job) error {
		n, err := Run(ctx, st, time.Now().UTC())
		if n > 0 {
			log.Info("recurrent tickets opened", "count", n)
		}
		return err
	})
}

// Next is the occurrence after the one being opened at now: occurrences
// whose opening time has also passed (the collectors were down) are
// skipped rather than opened in a burst, as GLPI does. Zero when none is
// left before the end date.
func Next(r *store.RecurrentTicket, now time.Time) time.Time {
	ahead := time.Duration(r.AheadDays) * 24 * time.Hour
	after := now.Add(ahead)
	if r.NextAt.After(after) {
		after = r.NextAt
	}
	next, ok := r.Recurrence().After(after)
	if !ok {
		return time.Time{}
	}
	return next
}

// Run opens the due occurrences at now and returns how many tickets this
// call opened.
func Run(ctx context.Context, st store.Store, now time.Time) (int, error) {
	rq, err := store.Recurrents(st)
	if err != nil {
		return 0, err
	}
	due, err := rq.DueRecurrent(ctx, now, batch)
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range due {
		err := st.WithTx(ctx, func(q store.Queries) error { return open(ctx, q, &due[i], now) })
		switch {
		case errors.Is(err, errTaken):
		case err != nil:
			return n, fmt.Errorf("open recurrent ticket %d: %w", due[i].ID, err)
		default:
			n++
		}
	}
	return n, nil
}

// open creates the ticket of r's next occurrence, then moves the
// occurrence; errTaken when another run moved it first.
func open(ctx context.Context, q store.Queries, r *store.RecurrentTicket, now time.Time) error {
	rq, err := store.Recurrents(q)
	if err != nil {
		return err
	}
	tq, err := store.Tickets(q)
	if err != nil {
		return err
	}
	full, err := rq.GetRecurrent(ctx, r.ID)
	if err != nil {
		return err
	}
	v, err := q.GetSetting(ctx, helpdesk.SettingPriorityMatrix)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	m, err := helpdesk.ParseMatrix(v)
	if err != nil {
		return err
	}
	prio, err := m.Priority(r.Urgency, r.Impact)
	if err != nil {
		return err
	}
	st := helpdesk.State{Status: helpdesk.StatusNew}
	if r.AssignGroupID != 0 {
		st = helpdesk.AutoAssign(st, 1, now)
	}
	t := &store.Ticket{Title: r.Title, Content: r.Content, Type: r.Type, Status: int(st.Status), Urgency: r.Urgency,
		Impact: r.Impact, Priority: prio, CategoryID: r.CategoryID, OpenedAt: now, TakenAt: st.TakenAt, UpdatedAt: now}
	if strings.TrimSpace(t.Content) == "" {
		t.Content = t.Title
	}
	if err := tq.CreateTicket(ctx, t); err != nil {
		return err
	}
	actors := []store.TicketActor{}
	if r.RequesterGroupID != 0 {
		actors = append(actors, store.TicketActor{TicketID: t.ID, Kind: store.ActorRequester, GroupID: r.RequesterGroupID})
	}
	if r.AssignGroupID != 0 {
		actors = append(actors, store.TicketActor{TicketID: t.ID, Kind: store.ActorAssignee, GroupID: r.AssignGroupID})
	}
	for i := range actors {
		if err := tq.AddTicketActor(ctx, &actors[i]); err != nil {
			return err
		}
	}
	for _, a := range full.AssetIDs {
		if err := tq.LinkTicketAsset(ctx, t.ID, a); err != nil {
			return err
		}
	}
	if err := tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{{TicketID: t.ID, Actor: HistoryActor + r.Name,
		Field: "created", NewValue: strconv.Itoa(t.Status), At: now}}); err != nil {
		return err
	}
	if err := notify.Record(ctx, q, notify.Event{Kind: notify.Created, TicketID: t.ID, Text: t.Content, At: now}); err != nil {
		return err
	}
	moved, err := rq.AdvanceRecurrent(ctx, r.ID, r.NextAt, Next(r, now), t.ID)
	if err != nil {
		return err
	}
	if !moved {
		return errTaken
	}
	return nil
}
