package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/helpdesk"
)

// ticketPending puts a ticket on hold (waiting for the requester, a part,
// a supplier).
func (s *Server) ticketPending(w http.ResponseWriter, r *http.Request) {
	s.doTicket(w, r, ticketChange{ev: helpdesk.Event{Action: helpdesk.ActPending}})
}
