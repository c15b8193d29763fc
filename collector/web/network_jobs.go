package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// recentRuns is how many runs the jobs page lists.
const recentRuns = 20

type networkJobsData struct {
	Jobs   []store.SNMPJob
	Runs   []store.SNMPRun
	Agents map[int64]string // agent ID -> host name
}

// networkJobs lists the discovery jobs and the latest runs.
func (s *Server) networkJobs(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	ctx := r.Context()
	jobs, err := n.Jobs(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	runs, err := n.Runs(ctx, 0, recentRuns)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	agents, err := s.agentNames(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "network_jobs", s.newPage(r, "snmp.title", "network", networkJobsData{Jobs: jobs, Runs: runs, Agents: agents}))
}

// agentNames maps enrolled agents' IDs to their host names.
func (s *Server) agentNames(r *http.Request) (map[int64]string, error) {
	agents, err := s.st.ListAgents(r.Context())
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(agents))
	for _, a := range agents {
		out[a.ID] = a.Hostname
	}
	return out, nil
}
