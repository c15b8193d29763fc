package web

import (
	"context"
	"net/http"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// selfserviceApprove accepts the latest solution: the ticket closes.
func (s *Server) selfserviceApprove(w http.ResponseWriter, r *http.Request) {
	s.doTicket(w, r, ticketChange{
		ev:    helpdesk.Event{Action: helpdesk.ActApprove},
		write: s.answerSolution(r, helpdesk.ApprovalAccepted, ""),
		field: "solution_approval", value: helpdesk.ApprovalAccepted.String(),
	})
}

// answerSolution records the requester's answer on the latest solution.
func (s *Server) answerSolution(r *http.Request, a helpdesk.Approval, comment string) func(context.Context, store.TicketQueries, *loadedTicket) error {
	return func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket) error {
		sol, err := tq.LatestSolution(ctx, lt.t.ID)
		if err != nil {
			return err
		}
		return tq.SetSolutionApproval(ctx, sol.ID, int(a), state(r).user.ID, comment, s.now())
	}
}
