package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// statsData is what stats.html shows.
type statsData struct {
	Q       statsQuery
	Presets []string
	Scoped  bool // a technician's own and groups' tickets only
	Tables  []statsTable
	Sat     store.SatisfactionStats
}

// statsPage shows the helpdesk statistics of a date range: the series
// per week or month (charts and table) and the breakdowns.
func (s *Server) statsPage(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	q := parseStatsQuery(r, s.now())
	d := statsData{Q: q, Presets: statsPresets, Scoped: !hasRole(r, store.RoleSupervisor)}
	if q.Err != "" {
		s.render(w, r, http.StatusBadRequest, "stats", s.newPage(r, "stats.title", "stats", d))
		return
	}
	f, err := s.statsFilter(ctx, r, q)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Tables, d.Sat, err = s.statsTables(ctx, f, q, lang, statsTableIDs); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "stats", s.newPage(r, "stats.title", "stats", d))
}

func init() { pageNames = append(pageNames, "stats") }
