package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/store"
)

// networkJobRun starts a run of a job now and shows its page.
func (s *Server) networkJobRun(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	runID, err := n.RunNow(r.Context(), pathID(r))
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("SNMP run started", "snmp_run_id", runID, "by", actor(r))
	redirect(w, r, "/network/runs/"+strconv.FormatInt(runID, 10))
}
