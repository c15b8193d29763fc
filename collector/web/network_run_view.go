package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

type networkRunData struct {
	Run         *store.SNMPRun
	Percent     int
	Results     []store.SNMPResult
	Credentials map[int64]string
}

// runPercent is how far a run is, 100 once it has finished (how far it
// got when it was cancelled).
func runPercent(run *store.SNMPRun) int {
	switch {
	case run.Finished() && !run.Cancelled():
		return 100
	case run.Total <= 0:
		return 0
	}
	return min(100, run.Done*100/run.Total)
}

// fetchRun loads the run of the URL, or answers 404 and returns nil.
func (s *Server) fetchRun(w http.ResponseWriter, r *http.Request, n NetworkService) *store.SNMPRun {
	run, err := n.Run(r.Context(), pathID(r))
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return nil
	}
	if err != nil {
		s.serverError(w, r, err)
		return nil
	}
	return run
}

// networkRunView shows a run: its progress (live while it runs) and the
// devices it found, with an import button for those not imported.
func (s *Server) networkRunView(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	run := s.fetchRun(w, r, n)
	if run == nil {
		return
	}
	results, err := n.Results(r.Context(), run.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	creds, err := n.Credentials(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := networkRunData{Run: run, Percent: runPercent(run), Results: results, Credentials: credentialNames(creds)}
	s.render(w, r, http.StatusOK, "network_run", s.newPage(r, "snmp.title", "network", d))
}

// runProgress is the JSON the run page polls.
type runProgress struct {
	State    string `json:"state"`
	Phase    string `json:"phase"`
	Done     int    `json:"done"`
	Total    int    `json:"total"`
	Found    int    `json:"found"`
	Percent  int    `json:"percent"`
	Finished bool   `json:"finished"`
	Error    string `json:"error,omitempty"`
}

// networkRunProgress answers a run's progress as JSON.
func (s *Server) networkRunProgress(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	run := s.fetchRun(w, r, n)
	if run == nil {
		return
	}
	body, err := json.Marshal(runProgress{State: runState(run), Phase: run.Phase, Done: run.Done, Total: run.Total,
		Found: run.Found, Percent: runPercent(run), Finished: run.Finished(), Error: run.Error})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(body)
}

// runState is the state a run's page shows: store's, or "cancelled".
func runState(run *store.SNMPRun) string {
	if run.Cancelled() {
		return store.SNMPPhaseCancelled
	}
	return run.State
}
