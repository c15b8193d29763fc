package web

import (
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// agentRevokeConfirm asks an administrator to confirm revoking an agent.
func (s *Server) agentRevokeConfirm(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agentOf(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "agent_revoke", s.newPage(r, "agents.revoke_title", "agents", a))
}

// agentRevoke forgets an agent, as `parc-collector agent remove` does: its
// credential stops working, and its deviceid may enrol again (a
// reinstalled PC). The asset keeps its inventory and history.
func (s *Server) agentRevoke(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agentOf(w, r)
	if !ok {
		return
	}
	err := s.st.DeleteAgent(r.Context(), a.ID)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("agent revoked", "agent_id", a.ID, "deviceid", a.DeviceID, "by", actor(r))
	redirect(w, r, "/agents")
}

// agentOf loads the agent named by the path, answering 404 itself.
func (s *Server) agentOf(w http.ResponseWriter, r *http.Request) (*store.Agent, bool) {
	id := pathID(r)
	if id == 0 {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return nil, false
	}
	a, err := s.st.GetAgent(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return nil, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
	return a, true
}
