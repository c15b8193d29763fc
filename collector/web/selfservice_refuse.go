package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// selfserviceRefuse refuses the latest solution with a reason: the ticket
// reopens and the reason becomes a public followup the technician reads.
func (s *Server) selfserviceRefuse(w http.ResponseWriter, r *http.Request) {
	reason := strings.TrimSpace(r.PostForm.Get("reason"))
	if len(reason) > maxTextBytes {
		s.ticketError(w, r, errBadInput)
		return
	}
	answer := s.answerSolution(r, helpdesk.ApprovalRefused, reason)
	s.doTicket(w, r, ticketChange{
		ev: helpdesk.Event{Action: helpdesk.ActRefuse, Reason: reason},
		write: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket) error {
			if err := answer(ctx, tq, lt); err != nil {
				return err
			}
			return tq.AddFollowup(ctx, &store.Followup{TicketID: lt.t.ID, UserID: state(r).user.ID,
				Content: reason, CreatedAt: s.now()})
		},
		field: "solution_approval", value: helpdesk.ApprovalRefused.String(),
	})
}
