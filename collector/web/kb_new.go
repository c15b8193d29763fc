package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/store"
)

// kbNew shows an empty article form or, with ?ticket=N, one prefilled
// from that ticket: its title, and its latest solution as the text (GLPI's
// "save solution to the knowledge base"). The article keeps the ticket as
// its source.
func (s *Server) kbNew(w http.ResponseWriter, r *http.Request) {
	f := kbForm{Lang: state(r).lang}
	if v := r.URL.Query().Get("ticket"); v != "" {
		ctx := r.Context()
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			s.errorPage(w, r, http.StatusBadRequest, "kb.err_ticket")
			return
		}
		tq, err := s.tickets()
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		lt, err := s.getTicketID(ctx, r, tq, id)
		if errors.Is(err, store.ErrNotFound) {
			s.errorPage(w, r, http.StatusNotFound, "kb.err_ticket")
			return
		} else if err != nil {
			s.serverError(w, r, err)
			return
		}
		sol, err := tq.LatestSolution(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			s.errorPage(w, r, http.StatusConflict, "kb.err_no_solution")
			return
		} else if err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Title, f.Body, f.TicketID = lt.t.Title, sol.Content, id
	}
	s.renderKBForm(w, r, http.StatusOK, f)
}
