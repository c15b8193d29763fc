package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// solutionTypes are the kinds of solution a technician picks from (their
// labels are "solution_type.<key>").
var solutionTypes = []string{"fixed", "workaround", "replaced", "explained", "not_reproducible", "duplicate", "other"}

// ticketSolve proposes a solution; the ticket is solved and waits for the
// requester's approval.
func (s *Server) ticketSolve(w http.ResponseWriter, r *http.Request) {
	content, err := formText(r, "content")
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	typ := r.PostForm.Get("type")
	if typ == "" {
		typ = "fixed"
	}
	if !slices.Contains(solutionTypes, typ) {
		s.ticketError(w, r, fmt.Errorf("solution type %q: %w", typ, errBadInput))
		return
	}
	s.doTicket(w, r, s.solveChange(r, typ, content))
}

// solveChange proposes a solution of type typ (a single or bulk action).
func (s *Server) solveChange(r *http.Request, typ, content string) ticketChange {
	return ticketChange{
		ev: helpdesk.Event{Action: helpdesk.ActSolve},
		write: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket) error {
			return tq.AddSolution(ctx, &store.Solution{TicketID: lt.t.ID, UserID: stateUserID(r), Type: typ,
				Content: content, Status: int(helpdesk.ApprovalWaiting), CreatedAt: s.now()})
		},
		field: "solution", value: typ,
	}
}
