package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/helpdesk"
)

// selfserviceCancel lets a requester withdraw their request: it closes.
func (s *Server) selfserviceCancel(w http.ResponseWriter, r *http.Request) {
	s.doTicket(w, r, ticketChange{ev: helpdesk.Event{Action: helpdesk.ActCancel}, field: "cancelled", value: "1"})
}
