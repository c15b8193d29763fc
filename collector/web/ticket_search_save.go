package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// ticketSearchSave names the queue's current search ("query": its URL
// query) for the user, shared with every technician when "shared" is
// set. The query is parsed and written again, so only known, checked
// filters are stored.
func (s *Server) ticketSearchSave(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PostForm.Get("name"))
	raw := strings.TrimPrefix(r.PostForm.Get("query"), "?")
	if name == "" || utf8.RuneCountInString(name) > maxNameRunes || len(raw) > 2000 {
		s.errorPage(w, r, http.StatusBadRequest, "ticket.bad_search_name")
		return
	}
	vals, err := url.ParseQuery(raw)
	if err != nil {
		s.ticketError(w, r, errBadInput)
		return
	}
	q := parseTicketQuery(&http.Request{URL: &url.URL{RawQuery: vals.Encode()}}, 50)
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	ss := &store.SavedSearch{UserID: state(r).user.ID, Name: name, Query: q.values().Encode(), Shared: r.PostForm.Get("shared") == "1"}
	err = tq.SaveSearch(r.Context(), ss)
	if errors.Is(err, store.ErrConflict) {
		p := s.newPage(r, "error.title", "tickets", struct {
			Status  int
			Message string
		}{http.StatusConflict, i18n.T(state(r).lang, "ticket.search_exists")})
		s.render(w, r, http.StatusConflict, "error", p)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/tickets?"+ss.Query)
}

// ticketSearchDelete removes one of the user's own saved searches.
func (s *Server) ticketSearchDelete(w http.ResponseWriter, r *http.Request) {
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := tq.DeleteSavedSearch(r.Context(), pathID(r), state(r).user.ID); err != nil {
		s.ticketError(w, r, err)
		return
	}
	redirect(w, r, "/tickets?status=open")
}
