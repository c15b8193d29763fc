package web

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/i18n"
)

// exportBatch is how many assets one query of the export reads.
const exportBatch = 1000

// assetExport streams the park list's current filter as CSV, every
// column, in batches, so a 100,000-asset park never sits in memory.
func (s *Server) assetExport(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	lq := parseListQuery(r, exportBatch)
	lq.PerPage = exportBatch
	lk, err := s.loadLookups(ctx, true)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := lq.filter(s.now())
	f.Offset = 0
	first, err := s.st.ListAssets(ctx, f)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="parc-assets.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	cw := csv.NewWriter(w)
	head := []string{"id"}
	for _, c := range columns {
		head = append(head, i18n.T(lang, "col."+c.Key))
	}
	_ = cw.Write(head)
	page := first
	for {
		for i := range page.Assets {
			a := &page.Assets[i]
			rec := []string{strconv.FormatInt(a.ID, 10)}
			for _, c := range columns {
				v := a.Type
				if c.value != nil {
					v = c.value(a, lk)
				}
				rec = append(rec, csvSafe(v))
			}
			_ = cw.Write(rec)
		}
		cw.Flush()
		if cw.Error() != nil || len(page.Assets) < exportBatch {
			break
		}
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		f.Offset += exportBatch
		if page, err = s.st.ListAssets(ctx, f); err != nil {
			// Headers are sent: all that can be done is to stop and log.
			s.log.Error("export assets", "offset", f.Offset, "err", err)
			return
		}
	}
	if err := cw.Error(); err != nil {
		s.log.Warn("export assets: client went away", "err", err)
	}
}

// csvSafe defuses spreadsheet formulas: a cell starting with = + - @ (a
// name typed by anyone on a PC) would run in Excel or LibreOffice.
func csvSafe(v string) string {
	if v != "" && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r') {
		return "'" + v
	}
	return v
}
