package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketActorRemove takes an assignee (user or group) or an observer off
// a ticket ({actor} is the actor row's ID). Removing the last assignee
// puts the ticket back to new, as GLPI does; requesters stay.
func (s *Server) ticketActorRemove(w http.ResponseWriter, r *http.Request) {
	actorID, err := strconv.ParseInt(chi.URLParam(r, "actor"), 10, 64)
	if err != nil || actorID <= 0 {
		s.ticketError(w, r, errBadInput)
		return
	}
	// Every staff member may edit; the rules check the unassignment itself
	// when Apply runs the event prepare turns it into.
	ch := ticketChange{ev: helpdesk.Event{Action: helpdesk.ActEdit}}
	ch.prepare = func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket, st helpdesk.State, ev *helpdesk.Event) error {
		actors, err := tq.TicketActors(ctx, lt.t.ID)
		if err != nil {
			return err
		}
		var a *store.TicketActor
		for i := range actors {
			if actors[i].ID == actorID {
				a = &actors[i]
			}
		}
		if a == nil || a.Kind == store.ActorRequester {
			return fmt.Errorf("actor %d of ticket %d: %w", actorID, lt.t.ID, store.ErrNotFound)
		}
		field := "observer_removed" // observers are not counted by the rules: an edit
		if a.Kind == store.ActorAssignee {
			field, ev.Action, ev.Assignees = "assignee_removed", helpdesk.ActUnassign, st.Assignees-1
			if err := helpdesk.Check(lt.actor, ev.Action, st.Status); err != nil {
				return err
			}
		}
		if err := tq.RemoveTicketActor(ctx, lt.t.ID, a.ID); err != nil {
			return err
		}
		return tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{{TicketID: lt.t.ID, Actor: actor(r), Field: field,
			OldValue: a.Name, At: s.now()}})
	}
	s.doTicket(w, r, ch)
}
