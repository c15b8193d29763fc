package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// approvalList lists the approvals waiting for the logged-in user's
// answer ("to validate"), oldest request first.
func (s *Server) approvalList(w http.ResponseWriter, r *http.Request) {
	aq, err := store.Approvals(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	list, err := aq.WaitingFor(r.Context(), state(r).user.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "approval_list", s.newPage(r, "approvals.title", "helpdesk", list))
}
