package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
)

// networkRunCancel cancels a queued or running run and shows its page,
// where it reads "cancelled" with the devices recorded before the stop.
// The collector or agent running it stops at its next progress.
func (s *Server) networkRunCancel(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	id := pathID(r)
	err := n.CancelRun(r.Context(), id, actor(r))
	switch {
	case errors.Is(err, store.ErrNotFound) || id == 0:
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	case errors.Is(err, snmppoll.ErrFinished):
		s.errorPage(w, r, http.StatusConflict, "snmp.already_finished")
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/network/runs/"+strconv.FormatInt(id, 10))
}
