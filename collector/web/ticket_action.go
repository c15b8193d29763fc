package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
)

// ticketChange is one action on a ticket, run by doTicket.
type ticketChange struct {
	ev helpdesk.Event
	// prepare runs after the permission check and before the rules, to
	// write what the rules must count (an assignee) and adjust ev.
	prepare func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket, st helpdesk.State, ev *helpdesk.Event) error
	// write adds the action's own rows (followup, task, solution...).
	write func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket) error
	// history is the action's own history entry (field, new value); the
	// status change, if any, is recorded on its own.
	field, value string
}

// doTicket runs a change in one transaction: reload the ticket, check the
// user may do it, apply the rules, write the rows and the new state, and
// record the history. Then it sends the browser back to the ticket.
func (s *Server) doTicket(w http.ResponseWriter, r *http.Request, ch ticketChange) {
	var id int64
	err := s.st.WithTx(r.Context(), func(q store.Queries) error {
		var err error
		id, err = s.applyTicket(r, q, ch)
		return err
	})
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	redirect(w, r, ticketURL(id))
}

func (s *Server) applyTicket(r *http.Request, q store.Queries, ch ticketChange) (int64, error) {
	return s.applyTicketID(r, q, pathID(r), ch)
}

// applyTicketID is applyTicket on the ticket id (bulk actions).
func (s *Server) applyTicketID(r *http.Request, q store.Queries, id int64, ch ticketChange) (int64, error) {
	ctx, now := r.Context(), s.now()
	tq, err := store.Tickets(q)
	if err != nil {
		return 0, err
	}
	lt, err := s.getTicketID(ctx, r, tq, id)
	if err != nil {
		return 0, err
	}
	before, err := ticketState(ctx, tq, lt.t)
	if err != nil {
		return 0, err
	}
	if err := helpdesk.Check(lt.actor, ch.ev.Action, before.Status); err != nil {
		return 0, err
	}
	ev := ch.ev
	if lt.rel.Requester {
		ev.ByRequester = true
	}
	if ch.prepare != nil {
		if err := ch.prepare(ctx, tq, lt, before, &ev); err != nil {
			return 0, err
		}
	}
	after, err := helpdesk.Apply(lt.actor, before, ev, now)
	if err != nil {
		return 0, err
	}
	if ch.write != nil {
		if err := ch.write(ctx, tq, lt); err != nil {
			return 0, err
		}
	}
	t := lt.t
	t.Status, t.Approval = int(after.Status), int(after.Approval)
	t.TakenAt, t.SolvedAt, t.ClosedAt, t.UpdatedAt = after.TakenAt, after.SolvedAt, after.ClosedAt, now
	if err := tq.UpdateTicket(ctx, t); err != nil {
		return 0, err
	}
	if err := notify.RecordAction(ctx, q, tq, ch.ev.Action, t, state(r).user.ID, before.Status); err != nil {
		return 0, err
	}
	var hist []store.TicketHistoryEntry
	if ch.field != "" {
		hist = append(hist, store.TicketHistoryEntry{TicketID: t.ID, Actor: actor(r), Field: ch.field, NewValue: ch.value, At: now})
	}
	if after.Status != before.Status {
		hist = append(hist, store.TicketHistoryEntry{TicketID: t.ID, Actor: actor(r), Field: "status",
			OldValue: strconv.Itoa(int(before.Status)), NewValue: strconv.Itoa(int(after.Status)), At: now})
	}
	return t.ID, tq.AddTicketHistory(ctx, hist)
}
