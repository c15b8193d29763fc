package apiserver

import (
	"net/http"
	"time"

	"github.com/parcproject/parc/pkg/api"
)

// contact records the agent's visit and tells it what to send: a full
// inventory when it has none yet or the last one is older than FullEvery,
// a partial one otherwise.
func (s *Server) contact(w http.ResponseWriter, r *http.Request) {
	agent := agentFrom(r)
	var req api.ContactRequest
	if err := decodeSmall(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	if req.DeviceID != "" && req.DeviceID != agent.DeviceID {
		s.log.Warn("contact refused: deviceid does not match the token", "agent_id", agent.ID, "deviceid", req.DeviceID)
		writeError(w, http.StatusForbidden, "deviceid does not match this agent's token", nil)
		return
	}
	now := time.Now().UTC()
	// Last contact is shown to the minute, and every inventory also records
	// it: skip the write (one fsync on SQLite) when nothing would change.
	if agent.Version != req.Version || now.Sub(agent.LastContactAt) >= contactPrecision {
		if err := s.st.TouchAgentContact(r.Context(), agent.ID, now, req.Version); err != nil {
			s.internal(w, "record contact", err)
			return
		}
	}
	kind := api.InventoryPartial
	if agent.AssetID == 0 || agent.LastFullAt.IsZero() || now.Sub(agent.LastFullAt) >= s.opts.FullEvery {
		kind = api.InventoryFull
	}
	writeJSON(w, http.StatusOK, api.ContactResponse{
		Inventory:          kind,
		NextContactSeconds: int(s.opts.ContactEvery / time.Second),
		FullEverySeconds:   int(s.opts.FullEvery / time.Second),
		Tasks:              s.contactTasks(r.Context(), agent),
	})
}

// contactPrecision is how stale an agent's recorded last contact may be.
const contactPrecision = 5 * time.Minute
