package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/helpdesk"
)

// ticketResume takes a pending ticket back into processing.
func (s *Server) ticketResume(w http.ResponseWriter, r *http.Request) {
	s.doTicket(w, r, ticketChange{ev: helpdesk.Event{Action: helpdesk.ActResume}})
}
