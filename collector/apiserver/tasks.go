package apiserver

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

// TaskBroker hands network tasks (SNMP discovery and inventory for a
// remote site) to agents and takes their progress and reports back;
// collector/snmppoll.Service implements it.
type TaskBroker interface {
	// AgentTasks returns the tasks due for agentID, marking them handed out.
	AgentTasks(ctx context.Context, agentID int64) ([]api.Task, error)
	// TaskProgress records progress; snmppoll.ErrForbidden when the task
	// is another agent's.
	TaskProgress(ctx context.Context, agentID int64, taskID string, p api.TaskProgress) error
	// TaskReport records one device's report and returns its asset, 0
	// when it waits for a technician's import.
	TaskReport(ctx context.Context, agentID int64, taskID string, rep *inventory.Report) (int64, error)
}

// contactTasks are the tasks to send with a contact answer; none when the
// collector has no broker. A failure is logged and sends none: the agent
// gets them at its next contact.
func (s *Server) contactTasks(ctx context.Context, agent *store.Agent) []api.Task {
	if s.opts.Tasks == nil {
		return nil
	}
	tasks, err := s.opts.Tasks.AgentTasks(ctx, agent.ID)
	if err != nil {
		s.log.Error("network tasks for agent", "agent_id", agent.ID, "err", err)
		return nil
	}
	return tasks
}

// taskProgress records an agent's progress on one of its tasks.
func (s *Server) taskProgress(w http.ResponseWriter, r *http.Request) {
	agent := agentFrom(r)
	var p api.TaskProgress
	if err := decodeSmall(w, r, &p); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	if s.opts.Tasks == nil {
		writeError(w, http.StatusNotFound, "this collector hands out no network tasks", nil)
		return
	}
	err := s.opts.Tasks.TaskProgress(r.Context(), agent.ID, chi.URLParam(r, "id"), p)
	if err != nil {
		s.taskError(w, agent, "task progress refused", err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// taskReport ingests a network device's report sent for a task (header
// X-Parc-Task-Id) and returns the metrics label of the outcome.
func (s *Server) taskReport(w http.ResponseWriter, r *http.Request, agent *store.Agent, taskID string, rep *inventory.Report) string {
	if s.opts.Tasks == nil {
		writeError(w, http.StatusForbidden, "this collector gave no network task", nil)
		return resultForbidden
	}
	assetID, err := s.opts.Tasks.TaskReport(r.Context(), agent.ID, taskID, rep)
	if err != nil {
		return s.taskError(w, agent, "task report refused", err)
	}
	resp := api.InventoryResponse{}
	if assetID != 0 {
		resp.AssetID = strconv.FormatInt(assetID, 10)
	}
	writeJSON(w, http.StatusOK, resp)
	return resultUpdated
}

// taskError answers a refused task call and returns its metrics label.
func (s *Server) taskError(w http.ResponseWriter, agent *store.Agent, what string, err error) string {
	switch {
	case errors.Is(err, snmppoll.ErrForbidden):
		s.log.Warn(what, "agent_id", agent.ID, "err", err)
		writeError(w, http.StatusForbidden, "this task was given to another agent", nil)
		return resultForbidden
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no such task", nil)
		return resultInvalid
	case errors.Is(err, snmppoll.ErrNotRunning):
		writeError(w, http.StatusConflict, "this task is not running any more (finished, or cancelled by an administrator)", nil)
		return resultInvalid
	case errors.Is(err, snmppoll.ErrInvalid):
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return resultInvalid
	}
	s.internal(w, what, err)
	return resultError
}
