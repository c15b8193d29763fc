package web

import (
	"encoding/csv"
	"net/http"
	"slices"

	"github.com/parcproject/parc/collector/i18n"
)

// statsExport downloads one table of the statistics page as CSV, for the
// same range and period (?table=category&from=...&to=...&period=...).
func (s *Server) statsExport(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	table := r.FormValue("table")
	if !slices.Contains(statsTableIDs, table) {
		http.Error(w, i18n.T(lang, "stats.err_table"), http.StatusBadRequest)
		return
	}
	q := parseStatsQuery(r, s.now())
	if q.Err != "" {
		http.Error(w, i18n.T(lang, q.Err), http.StatusBadRequest)
		return
	}
	f, err := s.statsFilter(ctx, r, q)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	tables, _, err := s.statsTables(ctx, f, q, lang, []string{table})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="parc-stats-`+table+`-`+q.From+`-`+q.To+`.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	cw := csv.NewWriter(w)
	_ = cw.Write(tables[0].Head)
	for _, row := range tables[0].Rows {
		rec := make([]string, len(row))
		for i, v := range row {
			rec[i] = csvSafe(v)
		}
		_ = cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		s.log.Warn("export stats: client went away", "err", err)
	}
}
