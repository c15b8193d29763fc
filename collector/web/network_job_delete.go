package web

import (
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// networkJobDelete removes a job with its schedule, runs and results; the
// devices it imported stay in the park.
func (s *Server) networkJobDelete(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	id := pathID(r)
	err := n.DeleteJob(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) || id == 0 {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("SNMP job deleted", "snmp_job_id", id, "by", actor(r))
	redirect(w, r, "/network")
}
