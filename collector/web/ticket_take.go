package web

import (
	"context"
	"net/http"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketTake assigns the ticket to the technician who clicks.
func (s *Server) ticketTake(w http.ResponseWriter, r *http.Request) {
	s.doTicket(w, r, ticketChange{
		ev: helpdesk.Event{Action: helpdesk.ActTake},
		prepare: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket, st helpdesk.State, ev *helpdesk.Event) error {
			if lt.rel.Assignee {
				ev.Assignees = st.Assignees // already theirs (perhaps through a group)
				return nil
			}
			ev.Assignees = st.Assignees + 1
			return tq.AddTicketActor(ctx, &store.TicketActor{TicketID: lt.t.ID, Kind: store.ActorAssignee, UserID: state(r).user.ID})
		},
		field: "assignee", value: actor(r),
	})
}
